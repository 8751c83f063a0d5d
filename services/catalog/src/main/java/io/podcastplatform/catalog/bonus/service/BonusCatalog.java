package io.podcastplatform.catalog.bonus.service;

import io.podcastplatform.catalog.bonus.repository.BonusRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Bonuses of a tenant; a download bonus needs its file. */
@ApplicationScoped
public class BonusCatalog {

    private final TenantTransactions transactions;
    private final BonusRepository bonuses;

    public BonusCatalog(TenantTransactions transactions, BonusRepository bonuses) {
        this.transactions = transactions;
        this.bonuses = bonuses;
    }

    public Uni<Bonus> create(SqlClient tx, Bonus draft) {
        requireFileForDownload(draft);
        return bonuses.insert(tx, draft);
    }

    public Uni<Bonus> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> bonuses.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("bonus", id)));
    }

    public Uni<List<Bonus>> page(UUID tenantId, UUID campaignId, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> bonuses.page(tx, campaignId, beforeAt, beforeId, limit));
    }

    public Uni<Bonus> update(UUID tenantId, UUID id, String name, String description, String fileUrl, String deliveryMethod,
                             Boolean active) {
        return transactions.inTenant(tenantId, tx -> bonuses.update(tx, id, name, description, fileUrl, deliveryMethod, active)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("bonus", id)))
                .invoke(BonusCatalog::requireFileForDownload));
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> bonuses.softDelete(tx, id)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("bonus", id);
            }
            return null;
        });
    }

    /** Thrown inside the transaction, so an update that breaks the rule is rolled back. */
    private static void requireFileForDownload(Bonus bonus) {
        if ("download".equals(bonus.deliveryMethod()) && bonus.fileUrl() == null) {
            throw ProblemException.badRequest("fileUrl", "is required for a download bonus");
        }
    }
}
