package io.podcastplatform.identity.gdpr.service;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.identity.GdprRequested;
import io.podcastplatform.identity.gdpr.repository.GdprRequestRepository;
import io.podcastplatform.messaging.outbox.OutboxEvent;
import io.podcastplatform.messaging.outbox.OutboxWriter;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Takes in GDPR requests and publishes them on {@code identity.gdpr-request.v1} in the same transaction;
 * each service handles the subject's data it holds (with its own issue) and the request id keeps that
 * handling idempotent.
 */
@ApplicationScoped
public class GdprRequests {

    private final TenantTransactions transactions;
    private final GdprRequestRepository requests;
    private final OutboxWriter outbox;

    public GdprRequests(TenantTransactions transactions, GdprRequestRepository requests, OutboxWriter outbox) {
        this.transactions = transactions;
        this.requests = requests;
        this.outbox = outbox;
    }

    public Uni<GdprRequest> receive(Caller caller, UUID tenantId, String type, String subjectType, String subjectId) {
        UUID id = UUID.randomUUID();
        return transactions.inTenant(tenantId, tx -> requests.insert(tx, id, tenantId, type, subjectType, subjectId, caller.subject())
                .call(request -> outbox.append(tx, new OutboxEvent(Topics.IDENTITY_GDPR_REQUEST_V1, tenantId.toString(),
                        GdprRequested.TYPE, tenantId, id.toString(), new GdprRequested(id, tenantId, type, subjectType, subjectId,
                        request.requestedAt())))));
    }

    public Uni<GdprRequest> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> requests.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("GDPR request", id)));
    }

    public Uni<List<GdprRequest>> page(UUID tenantId, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> requests.page(tx, beforeAt, beforeId, limit));
    }
}
