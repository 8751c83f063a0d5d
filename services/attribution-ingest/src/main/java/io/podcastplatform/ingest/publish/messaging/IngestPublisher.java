package io.podcastplatform.ingest.publish.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.messaging.MessagingConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes accepted events straight to their topics (no outbox: nothing is in the database yet) and
 * completes only when the broker acknowledged every one (acks=all, idempotent producer), so the API says
 * success only for events that are durable.
 *
 * <p>The records go to the channel's own {@code KafkaProducer} (its configuration: acks, idempotence,
 * lz4, linger), all records of a call in one task on the channel's sending thread and one callback each,
 * instead of a Reactive Messaging message, metadata and acknowledgement chain per event through the
 * emitter: that chain was about an eighth of the service's CPU under the batch load (JFR, bench/run.sh).
 */
@ApplicationScoped
public class IngestPublisher {

    private final KafkaClientService kafka;
    private final String source;
    private final MeterRegistry registry;
    /** One counter per topic, looked up once: a registry lookup per event showed in the profile. */
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, byte[]> producer;

    /**
     * @param channel injected only so that the channel, and with it its producer, exists; records are sent
     *                through {@link KafkaClientService#getProducer(String)}
     */
    public IngestPublisher(@Channel(IngestChannels.EVENTS_OUT) MutinyEmitter<byte[]> channel, KafkaClientService kafka,
                           MessagingConfig messaging, MeterRegistry registry) {
        this.kafka = kafka;
        this.source = messaging.source();
        this.registry = registry;
    }

    public Uni<Void> publish(OutgoingEvent event) {
        return publishAll(List.of(event));
    }

    /** Completes when the broker acknowledged all; fails (with the first failure) if any is not. */
    public Uni<Void> publishAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            records.add(record(event));
        }
        Context caller = Vertx.currentContext();
        Uni<Void> sent = producer().runOnSendingThread(kafkaProducer -> {
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            AtomicInteger pending = new AtomicInteger(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                kafkaProducer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        acknowledged.completeExceptionally(failure);
                        return;
                    }
                    counter(record.topic()).increment();
                    if (pending.decrementAndGet() == 0) {
                        acknowledged.complete(null);
                    }
                });
            }
            return acknowledged;
        }).flatMap(acknowledged -> Uni.createFrom().completionStage(acknowledged));
        // the acknowledgements arrive on the producer's network thread: an event-loop caller (/v1/track, a dead
        // letter) continues on its own event loop, as it did through the emitter, not on Kafka's I/O thread
        return caller != null && caller.isEventLoopContext()
                ? sent.emitOn(task -> caller.runOnContext(ignored -> task.run()))
                : sent;
    }

    private ProducerRecord<String, byte[]> record(OutgoingEvent event) {
        CloudEvent cloudEvent = new CloudEvent(event.id(), source, event.type(), OffsetDateTime.now(ZoneOffset.UTC), event.tenantId(),
                event.id().toString(), EventJson.write(event.data()));
        return new ProducerRecord<>(event.topic(), null, event.key(), cloudEvent.data(), new RecordHeaders(cloudEvent.toHeaders()));
    }

    private Counter counter(String topic) {
        return published.computeIfAbsent(topic, t -> registry.counter("ingest.published", "topic", t));
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> found = producer;
        if (found == null) {
            found = kafka.getProducer(IngestChannels.EVENTS_OUT);
            if (found == null) {
                throw new IllegalStateException("no Kafka producer for channel " + IngestChannels.EVENTS_OUT);
            }
            producer = found;
        }
        return found;
    }
}
