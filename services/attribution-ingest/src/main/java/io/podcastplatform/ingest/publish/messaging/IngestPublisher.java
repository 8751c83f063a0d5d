package io.podcastplatform.ingest.publish.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.messaging.MessagingConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes accepted events straight to their topics (no outbox: nothing is in the database yet) and
 * completes only when the broker acknowledged every one (acks=all, idempotent producer), so the API says
 * success only for events that are durable.
 */
@ApplicationScoped
public class IngestPublisher {

    private final MutinyEmitter<byte[]> emitter;
    private final String source;
    private final MeterRegistry registry;
    /** One counter per topic, looked up once: a registry lookup per event showed in the profile. */
    private final Map<String, Counter> published = new ConcurrentHashMap<>();

    public IngestPublisher(@Channel(IngestChannels.EVENTS_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
                           MutinyEmitter<byte[]> emitter, MessagingConfig messaging, MeterRegistry registry) {
        this.emitter = emitter;
        this.source = messaging.source();
        this.registry = registry;
    }

    public Uni<Void> publish(OutgoingEvent event) {
        CloudEvent cloudEvent = new CloudEvent(event.id(), source, event.type(), OffsetDateTime.now(ZoneOffset.UTC), event.tenantId(),
                event.id().toString(), EventJson.write(event.data()));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .withHeaders(new RecordHeaders(cloudEvent.toHeaders()))
                .build();
        return emitter.sendMessage(Message.of(cloudEvent.data()).addMetadata(metadata))
                .invoke(() -> published.computeIfAbsent(event.topic(), topic -> registry.counter("ingest.published", "topic", topic))
                        .increment());
    }

    /** Completes when all are acknowledged; fails if any is not. */
    public Uni<Void> publishAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(events.stream().map(this::publish).toList()).andFailFast().replaceWithVoid();
    }
}
