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

    // ---- catalog ----

    /** Episodes, keyed by episode id: enclosure URL, byte length and duration for the download prefix and IAB counting. */
    public static final String CATALOG_EPISODE_V1 = "catalog.episode.v1";
    public static final TopicSpec CATALOG_EPISODE = new TopicSpec(CATALOG_EPISODE_V1, 6, true);

    // ---- attribution-ingest ----

    // ---- every topic, in the order above ----

    public static final List<TopicSpec> ALL = List.of(
            IDENTITY_TENANT, IDENTITY_API_KEY,
            CATALOG_EPISODE);

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
