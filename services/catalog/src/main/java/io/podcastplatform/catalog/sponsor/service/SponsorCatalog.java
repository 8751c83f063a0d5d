package io.podcastplatform.catalog.sponsor.service;

import io.podcastplatform.catalog.sponsor.repository.SponsorRepository;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.catalog.SponsorChanged;
import io.podcastplatform.messaging.outbox.OutboxEvent;
import io.podcastplatform.messaging.outbox.OutboxWriter;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Sponsors of a tenant; each change and its catalog.sponsor.v1 event commit together. */
@ApplicationScoped
public class SponsorCatalog {

    private final TenantTransactions transactions;
    private final SponsorRepository sponsors;
    private final OutboxWriter outbox;

    public SponsorCatalog(TenantTransactions transactions, SponsorRepository sponsors, OutboxWriter outbox) {
        this.transactions = transactions;
        this.sponsors = sponsors;
        this.outbox = outbox;
    }

    /** Creates inside the caller's transaction (the idempotent create owns it). */
    public Uni<Sponsor> create(SqlClient tx, UUID tenantId, String createdBy, SponsorFields fields) {
        return sponsors.insert(tx, tenantId, createdBy, fields).call(sponsor -> publish(tx, sponsor));
    }

    public Uni<Sponsor> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> sponsors.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("sponsor", id)));
    }

    public Uni<List<Sponsor>> page(UUID tenantId, OffsetDateTime beforeCreatedAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> sponsors.page(tx, beforeCreatedAt, beforeId, limit));
    }

    public Uni<Sponsor> update(UUID tenantId, UUID id, SponsorFields changes) {
        return transactions.inTenant(tenantId, tx -> sponsors.update(tx, id, changes)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("sponsor", id)))
                .call(sponsor -> publish(tx, sponsor)));
    }

    public Uni<Sponsor> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> sponsors.softDelete(tx, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("sponsor", id)))
                .call(sponsor -> publish(tx, sponsor)));
    }

    private Uni<UUID> publish(SqlClient tx, Sponsor sponsor) {
        SponsorChanged changed = new SponsorChanged(sponsor.id(), sponsor.tenantId(), sponsor.name(), sponsor.company(),
                sponsor.websiteUrl(), sponsor.logoUrl(), sponsor.industry(), sponsor.deletedAt() != null, sponsor.version(),
                sponsor.updatedAt());
        return outbox.append(tx, new OutboxEvent(Topics.CATALOG_SPONSOR_V1, sponsor.id().toString(), SponsorChanged.TYPE,
                sponsor.tenantId(), sponsor.id().toString(), changed));
    }
}
