package io.podcastplatform.identity.featureflag.service;

import io.podcastplatform.identity.featureflag.repository.FeatureFlagRepository;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Platform defaults set by platform administrators; a tenant's override wins for that tenant. */
@ApplicationScoped
public class FeatureFlags {

    private final TenantTransactions transactions;
    private final FeatureFlagRepository flags;

    public FeatureFlags(TenantTransactions transactions, FeatureFlagRepository flags) {
        this.transactions = transactions;
        this.flags = flags;
    }

    public Uni<List<FeatureFlag>> effective(Caller caller) {
        return asSeenBy(caller, flags::effective);
    }

    public Uni<FeatureFlag> effective(Caller caller, String key) {
        return asSeenBy(caller, tx -> flags.effective(tx, key))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("feature flag", key)));
    }

    public Uni<FeatureFlag> setDefault(String key, String description, boolean enabled) {
        return transactions.inPlatformScope(tx -> flags.upsertGlobal(tx, key, description, enabled)
                .flatMap(done -> flags.effective(tx, key)))
                .map(found -> found.orElseThrow());
    }

    public Uni<FeatureFlag> override(UUID tenantId, String key, boolean enabled) {
        return transactions.inTenant(tenantId, tx -> flags.effective(tx, key).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("feature flag", key));
            }
            return flags.upsertOverride(tx, tenantId, key, enabled).flatMap(done -> flags.effective(tx, key));
        })).map(found -> found.orElseThrow());
    }

    public Uni<FeatureFlag> clearOverride(UUID tenantId, String key) {
        return transactions.inTenant(tenantId, tx -> flags.deleteOverride(tx, key).flatMap(done -> flags.effective(tx, key)))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("feature flag", key)));
    }

    private <T> Uni<T> asSeenBy(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return caller.tenant().map(tenant -> transactions.inTenant(tenant, work)).orElseGet(() -> transactions.inPlatformScope(work));
    }
}
