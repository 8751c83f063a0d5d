package io.podcastplatform.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    Limits limits();

    Clock clock();

    Client client();

    Publish publish();

    Persist persist();

    Buffer buffer();

    Partitions partitions();

    Integrations integrations();

    Quota quota();

    interface Limits {
        /** Largest single event (its JSON), as Segment allows. */
        @WithDefault("32768")
        int maxEventBytes();

        /** Largest request body after gzip decompression, as Segment allows. */
        @WithDefault("512000")
        int maxRequestBytes();
    }

    interface Clock {
        /** Events whose corrected time lies further ahead than this are refused. */
        @WithDefault("PT1H")
        Duration maxFuture();

        /** Events older than this are refused; shorter than the dedup window, so every accepted id is de-duplicated. */
        @WithDefault("P30D")
        Duration maxAge();

        /** How long a stored message id is remembered for de-duplication. */
        @WithDefault("P35D")
        Duration dedupWindow();

        /** How often message ids past the dedup window are deleted. */
        @WithDefault("PT1H")
        Duration dedupCleanupInterval();
    }

    interface Client {
        /** Addresses (exact IPs) of proxies whose Forwarded / X-Forwarded-For is believed. */
        Optional<List<String>> trustedProxies();

        /** Secret from which the per-tenant IP and household hashing keys are derived; rotate it by changing it. */
        String ipHashSecret();

        /**
         * How long one household hashing key lasts (whole days; periods counted from the epoch, so every
         * replica agrees); the address hash rotates daily regardless.
         */
        @WithDefault("P90D")
        Duration householdHashRotation();

        /** A MaxMind-format country or city database; absent: every country is unknown. */
        Optional<String> geoipDatabase();

        /** A directory holding a newer copy of the OPAWG user-agents-v2 lists; absent: the bundled copy. */
        Optional<String> userAgentsDirectory();
    }

    interface Quota {
        /** How long a tenant's quota answer is remembered before the table is asked again. */
        @WithDefault("PT5S")
        Duration cacheTtl();
    }

    interface Integrations {
        /** Key (at least 32 characters) from which the AES-256-GCM key encrypting webhook signing secrets is derived. */
        String secretKey();

        /** How far a webhook's timestamp header may lie from now. */
        @WithDefault("PT5M")
        Duration timestampTolerance();
    }

    interface Partitions {
        /** How often pg_partman maintenance and partition securing run (as the migration role). */
        @WithDefault("PT1H")
        Duration maintenanceInterval();
    }

    interface Buffer {
        /** Events of the redirect and the pixel held in memory while the broker is unreachable. */
        @WithDefault("50000")
        int capacity();

        /**
         * How long a graceful stop keeps publishing what the buffer holds before the process ends (within
         * {@code quarkus.shutdown.timeout}); what is left then is lost, logged and counted.
         */
        @WithDefault("PT10S")
        Duration drainOnStop();
    }

    interface Publish {
        /** How long the API waits for the broker's acknowledgement before answering 503. */
        @WithDefault("PT15S")
        Duration ackTimeout();
    }

    interface Persist {
        /**
         * Rows of one stream stored by one statement at most: a poll's events of a tenant are split into parts of
         * this size, each stored in a transaction of its own, so that several PostgreSQL backends work on one poll.
         */
        @WithDefault("2000")
        int rowsPerStatement();

        /** How many of a poll's parts are stored at once (each holds a pooled connection while it runs). */
        @WithDefault("2")
        int parallelStatements();
    }
}
