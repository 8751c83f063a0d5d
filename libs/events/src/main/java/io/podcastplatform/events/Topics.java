package io.podcastplatform.events;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every Kafka topic of the platform. A breaking change of a topic's data is a new version, never an
 * edit of an existing one; each topic has a JSON schema under {@code event-schemas/<topic>.json}.
 */
public final class Topics {

    // ---- identity ----

    /** Tenants, keyed by tenant id: the reference copy every service keeps of who may use it. */
    public static final String IDENTITY_TENANT_V1 = "identity.tenant.v1";
    public static final TopicSpec IDENTITY_TENANT = new TopicSpec(IDENTITY_TENANT_V1, 3, true);

    /** API keys, keyed by key id: hashes, scopes and status, so every service authenticates keys locally. */
    public static final String IDENTITY_API_KEY_V1 = "identity.api-key.v1";
    public static final TopicSpec IDENTITY_API_KEY = new TopicSpec(IDENTITY_API_KEY_V1, 3, true);

    /** GDPR export and erasure requests, keyed by tenant id: every service acts on the data it holds. */
    public static final String IDENTITY_GDPR_REQUEST_V1 = "identity.gdpr-request.v1";
    public static final TopicSpec IDENTITY_GDPR_REQUEST = new TopicSpec(IDENTITY_GDPR_REQUEST_V1, 3, false);

    /** Extra grants of a member (custom roles, teams), keyed by user id, so every service authorises locally. */
    public static final String IDENTITY_GRANT_V1 = "identity.grant.v1";
    public static final TopicSpec IDENTITY_GRANT = new TopicSpec(IDENTITY_GRANT_V1, 3, true);

    // ---- catalog ----

    /** Episodes, keyed by episode id: enclosure URL, byte length and duration for the download prefix and IAB counting. */
    public static final String CATALOG_EPISODE_V1 = "catalog.episode.v1";
    public static final TopicSpec CATALOG_EPISODE = new TopicSpec(CATALOG_EPISODE_V1, 6, true);

    /** Podcasts, keyed by podcast id: title, feed and deletion, for dashboards and campaign targeting. */
    public static final String CATALOG_PODCAST_V1 = "catalog.podcast.v1";
    public static final TopicSpec CATALOG_PODCAST = new TopicSpec(CATALOG_PODCAST_V1, 3, true);

    /** Sponsors, keyed by sponsor id: the advertisers campaigns and reports name. */
    public static final String CATALOG_SPONSOR_V1 = "catalog.sponsor.v1";
    public static final TopicSpec CATALOG_SPONSOR = new TopicSpec(CATALOG_SPONSOR_V1, 3, true);

    // ---- attribution-ingest ----

    /** Listener events (episode started/progress/paused/completed), keyed by {@code <tenantId>:<userId or anonymousId>}. */
    public static final String INGEST_LISTENER_EVENT_V1 = "ingest.listener-event.v1";
    public static final TopicSpec INGEST_LISTENER_EVENT = new TopicSpec(INGEST_LISTENER_EVENT_V1, 12, false);

    /** Touchpoints (page, screen, identify, other track events, pixel views), keyed by {@code <tenantId>:<userId or anonymousId>}. */
    public static final String INGEST_ATTRIBUTION_EVENT_V1 = "ingest.attribution-event.v1";
    public static final TopicSpec INGEST_ATTRIBUTION_EVENT = new TopicSpec(INGEST_ATTRIBUTION_EVENT_V1, 12, false);

    /** Conversions (orders, sign-ups), keyed by {@code <tenantId>:<userId or anonymousId>} like their touchpoints. */
    public static final String INGEST_CONVERSION_EVENT_V1 = "ingest.conversion-event.v1";
    public static final TopicSpec INGEST_CONVERSION_EVENT = new TopicSpec(INGEST_CONVERSION_EVENT_V1, 6, false);

    /** Download-prefix requests, keyed by {@code <tenantId>:<enclosureUrl>} so IAB de-duplication works per partition. */
    public static final String INGEST_DOWNLOAD_REQUEST_V1 = "ingest.download-request.v1";
    public static final TopicSpec INGEST_DOWNLOAD_REQUEST = new TopicSpec(INGEST_DOWNLOAD_REQUEST_V1, 12, false);

    /** Input ingest could not use, with the reason; keyed by tenant id ({@code platform} when unknown). */
    public static final String INGEST_DEAD_LETTER_V1 = "ingest.dead-letter.v1";
    public static final TopicSpec INGEST_DEAD_LETTER = new TopicSpec(INGEST_DEAD_LETTER_V1, 3, false);

    // ---- every topic, in the order above ----

    public static final List<TopicSpec> ALL = List.of(
            IDENTITY_TENANT, IDENTITY_API_KEY, IDENTITY_GDPR_REQUEST, IDENTITY_GRANT,
            CATALOG_EPISODE, CATALOG_PODCAST, CATALOG_SPONSOR,
            INGEST_LISTENER_EVENT, INGEST_ATTRIBUTION_EVENT, INGEST_CONVERSION_EVENT, INGEST_DOWNLOAD_REQUEST, INGEST_DEAD_LETTER);

    private static final Map<String, TopicSpec> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TopicSpec::name, Function.identity()));

    private Topics() {
    }

    public static TopicSpec spec(String name) {
        TopicSpec spec = BY_NAME.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown topic: " + name);
        }
        return spec;
    }
}
