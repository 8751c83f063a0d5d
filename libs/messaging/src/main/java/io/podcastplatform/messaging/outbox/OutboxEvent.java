package io.podcastplatform.messaging.outbox;

import io.podcastplatform.events.Topics;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to publish once the surrounding transaction commits.
 *
 * @param topic    one of {@link Topics}; the data must match its schema
 * @param key      the record key, which decides ordering (for compacted topics, the entity id)
 * @param type     CloudEvents type
 * @param tenantId tenant the event belongs to, or null for platform-wide events
 * @param subject  id of the entity the event is about, optional
 * @param data     the event data, serialised with {@link io.podcastplatform.events.EventJson}
 */
public record OutboxEvent(String topic, String key, String type, UUID tenantId, String subject, Object data) {

    public OutboxEvent {
        Topics.spec(topic);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
