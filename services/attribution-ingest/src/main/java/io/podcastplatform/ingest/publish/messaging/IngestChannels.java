package io.podcastplatform.ingest.publish.messaging;

/**
 * Channel names of ingest. They stay here rather than in the shared {@code Channels} because no other
 * service binds them.
 */
public final class IngestChannels {

    /** Outgoing: every event the API accepts, published directly (acks=all, idempotent) and awaited. */
    public static final String EVENTS_OUT = "ingest-events-out";

    /** Incoming: the four event topics, read in batches by the persisting consumer. */
    public static final String EVENTS_IN = "ingest-events-in";

    private IngestChannels() {
    }
}
