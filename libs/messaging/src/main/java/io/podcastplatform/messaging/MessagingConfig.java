package io.podcastplatform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "platform.messaging")
public interface MessagingConfig {

    /** The CloudEvents {@code source} of everything this service publishes, e.g. {@code /identity}. */
    @WithName("source")
    String source();

    Outbox outbox();

    Topics topics();

    interface Outbox {
        /** Whether this instance relays its outbox to Kafka; every replica may, rows are claimed with SKIP LOCKED. */
        @WithDefault("true")
        boolean enabled();

        /** Pause between relay rounds that found less than a full batch; latency from commit to broker. */
        @WithDefault("0.1s")
        Duration pollInterval();

        /** Most events published in one relay transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long published rows are kept for inspection before they are deleted. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Topics {
        /** Create the topics this service owns at start-up (off where a platform team provisions them, e.g. Strimzi). */
        @WithDefault("true")
        boolean provision();

        /** Names of the topics this service owns, from {@code io.podcastplatform.events.Topics}. */
        Optional<List<String>> owned();

        /** Replication factor of created topics; 1 on a single local broker, 3 in production. */
        @WithDefault("1")
        short replicationFactor();
    }
}
