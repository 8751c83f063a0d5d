package io.podcastplatform.ingest.track.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.deadletter.service.DeadLetters;
import io.podcastplatform.ingest.publish.messaging.IngestPublisher;
import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Accepts Segment calls: validates every event, publishes the valid ones and waits for the broker. */
@ApplicationScoped
public class TrackService {

    private static final Logger LOG = Logger.getLogger(TrackService.class);

    /**
     * Refused events of one batch kept as dead letters; the rest are only counted. The answer lists every
     * one of them anyway, and a 30 KB batch of 10,000 empty events must not become 10,000 records
     * (found by MalformedInputIT: such batches flooded the dead-letter topic).
     */
    static final int MAX_DEAD_LETTERS_PER_REQUEST = 100;

    private final SegmentEvents segmentEvents;
    private final IngestPublisher publisher;
    private final DeadLetters deadLetters;
    private final IngestConfig.Publish publish;

    public TrackService(SegmentEvents segmentEvents, IngestPublisher publisher, DeadLetters deadLetters, IngestConfig config) {
        this.segmentEvents = segmentEvents;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.publish = config.publish();
    }

    /** Outcome of a call: how many events were accepted and which were refused, with reasons. */
    public record Outcome(int accepted, List<EventVerdict> rejected) {
    }

    public Uni<Outcome> single(JsonNode event, String type, ReceivedRequest request) {
        EventVerdict verdict = segmentEvents.read(0, event, type, request);
        if (!verdict.accepted()) {
            deadLetter(request, verdict, withType(event, type));
            throw new ProblemException(400, "Invalid event", String.join("; ", verdict.reasons()),
                    verdict.reasons().stream().map(RequestReasons::fieldError).toList());
        }
        return publishAcknowledged(verdict.events()).replaceWith(new Outcome(1, List.of()));
    }

    /** A Segment batch: {@code {"batch": [...], "context": {...}, "sentAt": "..."}}; the outer context and sentAt apply to every event. */
    public Uni<Outcome> batch(JsonNode body, ReceivedRequest request) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("body", "must be a JSON object with a batch array");
        }
        JsonNode batch = body.get("batch");
        if (batch == null || !batch.isArray() || batch.isEmpty()) {
            throw ProblemException.badRequest("batch", "must be a non-empty array of events");
        }
        JsonNode outerContext = body.get("context");
        if (outerContext != null && !outerContext.isNull() && !outerContext.isObject()) {
            throw ProblemException.badRequest("context", "must be an object (it applies to every event of the batch)");
        }
        JsonNode outerSentAt = body.get("sentAt");
        List<OutgoingEvent> accepted = new ArrayList<>();
        List<EventVerdict> rejected = new ArrayList<>();
        int acceptedEvents = 0;
        for (int i = 0; i < batch.size(); i++) {
            JsonNode event = withOuter(batch.get(i), outerContext, outerSentAt);
            EventVerdict verdict = segmentEvents.read(i, event, null, request);
            if (verdict.accepted()) {
                accepted.addAll(verdict.events());
                acceptedEvents++;
            } else {
                rejected.add(verdict);
                if (rejected.size() <= MAX_DEAD_LETTERS_PER_REQUEST) {
                    deadLetter(request, verdict, batch.get(i));
                } else {
                    deadLetters.countOnly("API");
                }
            }
        }
        if (acceptedEvents == 0) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (EventVerdict verdict : rejected) {
                verdict.reasons().forEach(reason -> errors.add(RequestReasons.fieldError("batch[" + verdict.index() + "]", reason)));
            }
            throw new ProblemException(400, "Invalid events", "none of the " + batch.size() + " events is valid", errors);
        }
        int count = acceptedEvents;
        return publishAcknowledged(accepted).replaceWith(new Outcome(count, rejected));
    }

    /** Publishes and completes once the broker acknowledged all; a 503 problem (nothing accepted) when it does not in time. */
    public Uni<Void> publishAcknowledged(List<OutgoingEvent> events) {
        return publisher.publishAll(events)
                .ifNoItem().after(publish.ackTimeout()).fail()
                .onFailure().transform(failure -> {
                    LOG.warnf("events not acknowledged by the broker: %s", failure.toString());
                    return new ProblemException(503, "Service Unavailable",
                            "the events could not be stored right now; nothing was accepted, send them again", List.of());
                });
    }

    /** The event as a batch would carry it, so a replay knows its type. */
    private static JsonNode withType(JsonNode event, String type) {
        if (event == null || !event.isObject() || event.has("type")) {
            return event;
        }
        ObjectNode typed = ((ObjectNode) event).deepCopy();
        typed.put("type", type);
        return typed;
    }

    /** Replays an event refused before: what would be published, or the reasons it is still refused. */
    public Uni<EventVerdict> replay(JsonNode event, ReceivedRequest request) {
        EventVerdict verdict = segmentEvents.read(0, event, null, request);
        if (!verdict.accepted()) {
            return Uni.createFrom().item(verdict);
        }
        return publishAcknowledged(verdict.events()).replaceWith(verdict);
    }

    /**
     * The event with the batch's outer context and sentAt: a shallow copy (the event's own nodes are shared,
     * never changed), since deep-copying every event was a visible share of the batch hot path.
     */
    private static JsonNode withOuter(JsonNode event, JsonNode outerContext, JsonNode outerSentAt) {
        if (event == null || !event.isObject() || (outerContext == null && outerSentAt == null)) {
            return event;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        merged.setAll((ObjectNode) event);
        if (outerSentAt != null && !merged.has("sentAt")) {
            merged.set("sentAt", outerSentAt);
        }
        if (outerContext != null && outerContext.isObject()) {
            JsonNode own = merged.get("context");
            if (own == null || own.isNull()) {
                merged.set("context", outerContext);
            } else if (own.isObject()) {
                ObjectNode context = JsonNodeFactory.instance.objectNode();
                context.setAll((ObjectNode) outerContext);
                context.setAll((ObjectNode) own);
                merged.set("context", context);
            }
        }
        return merged;
    }

    private void deadLetter(ReceivedRequest request, EventVerdict verdict, JsonNode event) {
        deadLetters.record(request.tenantId(), "API", String.join("; ", verdict.reasons()), null, verdict.messageId(),
                event == null ? "null" : event.toString());
    }
}
