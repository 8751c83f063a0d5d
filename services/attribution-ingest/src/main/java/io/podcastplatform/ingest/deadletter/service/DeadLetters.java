package io.podcastplatform.ingest.deadletter.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.DeadLetter;
import io.podcastplatform.ingest.publish.messaging.IngestPublisher;
import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records refused input on {@code ingest.dead-letter.v1}, counted as {@code ingest_rejected_total} by
 * source. Recording never holds up or fails the answer to the sender.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final IngestPublisher publisher;
    private final MeterRegistry registry;

    public DeadLetters(IngestPublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        this.registry = registry;
    }

    public void record(UUID tenantId, String source, String reason, String topic, String messageId, String payload) {
        registry.counter("ingest.rejected", "source", source).increment();
        String cutPayload = payload == null ? "" : payload.length() > DeadLetter.MAX_PAYLOAD_CHARS
                ? payload.substring(0, DeadLetter.MAX_PAYLOAD_CHARS) : payload;
        String cutReason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        DeadLetter letter = new DeadLetter(UUID.randomUUID(), tenantId, source, cutReason, topic,
                messageId == null || messageId.length() > 200 ? null : messageId, cutPayload, OffsetDateTime.now(ZoneOffset.UTC));
        publish(letter).subscribe().with(done -> { }, failure -> LOG.warnf("dead letter %s not published: %s", letter.id(), failure.toString()));
    }

    /** A refusal that is counted ({@code ingest_rejected_total}) but not kept, e.g. past a batch's dead-letter cap. */
    public void countOnly(String source) {
        registry.counter("ingest.rejected", "source", source).increment();
    }

    public Uni<Void> publish(DeadLetter letter) {
        return publisher.publish(new OutgoingEvent(Topics.INGEST_DEAD_LETTER_V1,
                letter.tenantId() == null ? "platform" : letter.tenantId().toString(), DeadLetter.TYPE, letter.id(), letter.tenantId(), letter));
    }
}
