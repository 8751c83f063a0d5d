package io.podcastplatform.events;

/**
 * SmallRye Reactive Messaging channel names. A service's application.properties binds each channel it
 * uses to its topic from {@link Topics}.
 */
public final class Channels {

    /** Outgoing channel of the transactional outbox relay; the topic is chosen per record. */
    public static final String OUTBOX_RELAY = "outbox-relay";

    /** Incoming channel of {@link Topics#IDENTITY_TENANT_V1} for services that keep a tenant directory. */
    public static final String TENANT_DIRECTORY = "tenant-directory";

    /** Incoming channel of {@link Topics#IDENTITY_API_KEY_V1} for the local key directory of the security lib. */
    public static final String API_KEY_DIRECTORY = "api-key-directory";

    /** Incoming channel of {@link Topics#IDENTITY_GRANT_V1} for the local grant directory of the security lib. */
    public static final String GRANT_DIRECTORY = "grant-directory";

    private Channels() {
    }
}
