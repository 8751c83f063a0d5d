package io.podcastplatform.events.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#INGEST_DEAD_LETTER_V1}: input ingest could not use,
 * with the reason, kept so a tenant can see and replay it. Keyed by tenant id ({@code platform} when the
 * tenant is unknown).
 *
 * @param source    API, PIXEL, DOWNLOAD, WEBHOOK, OFFLINE or CONSUMER
 * @param reason    why it was refused, for people
 * @param topic     for CONSUMER: the topic the record came from
 * @param messageId the sender's message id, when it had one
 * @param payload   the input as received, cut to 64 KB
 */
public record DeadLetter(UUID id, UUID tenantId, String source, String reason, String topic, String messageId, String payload,
                         OffsetDateTime receivedAt) {

    public static final String TYPE = "io.podcastplatform.ingest.dead-letter";
    public static final int MAX_PAYLOAD_CHARS = 65_536;
}
