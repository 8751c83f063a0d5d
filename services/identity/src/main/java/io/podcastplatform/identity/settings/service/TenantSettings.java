package io.podcastplatform.identity.settings.service;

import io.podcastplatform.identity.settings.repository.SettingsRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** A tenant's free-form settings and its white-label branding. */
@ApplicationScoped
public class TenantSettings {

    private final TenantTransactions transactions;
    private final SettingsRepository settings;

    public TenantSettings(TenantTransactions transactions, SettingsRepository settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    public Uni<Map<String, Object>> all(UUID tenantId) {
        return transactions.inTenant(tenantId, settings::settings);
    }

    public Uni<Map<String, Object>> put(UUID tenantId, String key, Object value, String updatedBy) {
        return transactions.inTenant(tenantId, tx -> settings.put(tx, tenantId, key, value, updatedBy).flatMap(done -> settings.settings(tx)));
    }

    public Uni<Map<String, Object>> delete(UUID tenantId, String key) {
        return transactions.inTenant(tenantId, tx -> settings.delete(tx, key).flatMap(deleted -> deleted ? settings.settings(tx)
                : Uni.createFrom().failure(ProblemException.notFound("setting", key))));
    }

    public Uni<WhiteLabel> whiteLabel(UUID tenantId) {
        return transactions.inTenant(tenantId, settings::whiteLabel)
                .map(found -> found.orElse(new WhiteLabel(null, null, null, null, null, null, null, null)));
    }

    public Uni<WhiteLabel> putWhiteLabel(UUID tenantId, WhiteLabel whiteLabel) {
        return transactions.inTenant(tenantId, tx -> settings.putWhiteLabel(tx, tenantId, whiteLabel))
                .onFailure(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(failure -> ProblemException.conflict("the domain " + whiteLabel.customDomain() + " is used by another tenant"))
                .replaceWith(whiteLabel);
    }
}
