package io.podcastplatform.ingest.publish.messaging;

import java.util.UUID;

/** One event ready for the broker: topic, partition key, CloudEvents type and the data record. */
public record OutgoingEvent(String topic, String key, String type, UUID id, UUID tenantId, Object data) {
}
