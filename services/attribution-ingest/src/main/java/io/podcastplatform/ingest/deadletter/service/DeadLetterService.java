package io.podcastplatform.ingest.deadletter.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.ingest.deadletter.repository.DeadLetterRepository;
import io.podcastplatform.ingest.deadletter.repository.DeadLetterRepository.StoredDeadLetter;
import io.podcastplatform.ingest.track.service.ReceivedRequest;
import io.podcastplatform.ingest.track.service.TrackService;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's dead letters. Replaying one sends its event through the Tracking API's checks again and,
 * if it now passes, publishes it and marks the letter replayed; replaying a replayed letter changes
 * nothing (and the message id keeps a second publication from being stored twice anyway). Raw IPs are
 * never kept, so a replayed event has no address hash.
 */
@ApplicationScoped
public class DeadLetterService {

    /** What a replay did. */
    public record Replay(UUID id, boolean replayed, boolean alreadyReplayed, String messageId) {
    }

    private final DeadLetterRepository letters;
    private final TenantTransactions transactions;
    private final TrackService track;

    public DeadLetterService(DeadLetterRepository letters, TenantTransactions transactions, TrackService track) {
        this.letters = letters;
        this.transactions = transactions;
        this.track = track;
    }

    public Uni<List<StoredDeadLetter>> page(UUID tenantId, OffsetDateTime beforeTime, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> letters.page(tx, tenantId, beforeTime, beforeId, limit));
    }

    public Uni<Replay> replay(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> letters.lock(tx, tenantId, id).flatMap(found -> {
            StoredDeadLetter letter = found.orElseThrow(() -> ProblemException.notFound("dead letter", id));
            if (letter.replayedAt() != null) {
                return Uni.createFrom().item(new Replay(id, true, true, letter.messageId()));
            }
            if (!"API".equals(letter.source())) {
                throw new ProblemException(409, "Conflict", "only events refused by the Tracking API can be replayed; this one came from "
                        + letter.source(), List.of());
            }
            JsonNode event = EventJson.tree(letter.payload().getBytes(StandardCharsets.UTF_8));
            ReceivedRequest request = new ReceivedRequest(tenantId, false, OffsetDateTime.now(ZoneOffset.UTC), Optional.empty(), null, null);
            return track.replay(event, request).flatMap(verdict -> {
                if (!verdict.accepted()) {
                    throw new ProblemException(422, "Unprocessable Content", "the event is still refused: " + String.join("; ", verdict.reasons()),
                            verdict.reasons().stream().map(reason -> new Problem.FieldError("payload", reason)).toList());
                }
                return letters.markReplayed(tx, id).replaceWith(new Replay(id, true, false, verdict.messageId()));
            });
        }));
    }
}
