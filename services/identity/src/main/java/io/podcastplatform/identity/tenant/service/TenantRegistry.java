package io.podcastplatform.identity.tenant.service;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.tenant.TenantChanged;
import io.podcastplatform.events.tenant.TenantStatus;
import io.podcastplatform.identity.tenant.repository.TenantRepository;
import io.podcastplatform.messaging.outbox.OutboxEvent;
import io.podcastplatform.messaging.outbox.OutboxWriter;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import io.podcastplatform.security.caller.Caller;
import java.util.List;
import java.util.UUID;

/**
 * Registers tenants and changes their status. Every change and its {@code identity.tenant.v1} event are
 * written in one transaction, so other services learn of exactly the changes that were committed.
 */
@ApplicationScoped
public class TenantRegistry {

    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final OutboxWriter outbox;

    public TenantRegistry(TenantTransactions transactions, TenantRepository tenants, OutboxWriter outbox) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.outbox = outbox;
    }

    public Uni<Tenant> register(String slug, String name, String tier) {
        UUID id = UUID.randomUUID();
        return transactions.inPlatformScope(tx -> tenants.insert(tx, id, slug, name, tier)
                        .call(tenant -> publish(tx, tenant)))
                .onFailure(TenantRegistry::isUniqueViolation)
                .transform(failure -> ProblemException.conflict("a tenant with slug '" + slug + "' already exists"));
    }

    public Uni<Tenant> changeStatus(UUID id, TenantStatus status) {
        return transactions.inPlatformScope(tx -> tenants.updateStatus(tx, id, status)
                .flatMap(updated -> updated
                        .map(tenant -> publish(tx, tenant).replaceWith(tenant))
                        .orElseGet(() -> Uni.createFrom().failure(ProblemException.notFound("tenant", id)))));
    }

    /** A tenant as the caller may see it: any for a platform administrator, only their own otherwise. */
    public Uni<Tenant> find(Caller caller, UUID id) {
        return inScopeOf(caller, tx -> tenants.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("tenant", id)));
    }

    public Uni<List<Tenant>> page(String afterSlug, int limit) {
        return transactions.inPlatformScope(tx -> tenants.page(tx, afterSlug, limit));
    }

    /**
     * Renames a tenant (its own members with tenant:update may) or changes its tier (platform
     * administrators only, as plans are a platform decision).
     */
    public Uni<Tenant> update(Caller caller, UUID id, String name, String tier) {
        if (tier != null && !caller.isPlatformAdmin()) {
            return Uni.createFrom().failure(new ProblemException(403, "Forbidden", "only a platform administrator changes a tenant's tier", List.of()));
        }
        return inScopeOf(caller, tx -> tenants.update(tx, id, name, tier).flatMap(updated -> updated
                .map(tenant -> publish(tx, tenant).replaceWith(tenant))
                .orElseGet(() -> Uni.createFrom().failure(ProblemException.notFound("tenant", id)))));
    }

    private <T> Uni<T> inScopeOf(Caller caller, java.util.function.Function<io.vertx.mutiny.sqlclient.SqlConnection, Uni<T>> work) {
        if (caller.isPlatformAdmin()) {
            return transactions.inPlatformScope(work);
        }
        return caller.tenant()
                .map(tenant -> transactions.inTenant(tenant, work))
                .orElseGet(() -> Uni.createFrom().failure(ProblemException.notFound("tenant", "of this caller")));
    }

    private Uni<UUID> publish(SqlClient tx, Tenant tenant) {
        TenantChanged changed = new TenantChanged(tenant.id(), tenant.slug(), tenant.name(), tenant.status(),
                tenant.tier(), tenant.version(), tenant.updatedAt());
        return outbox.append(tx, new OutboxEvent(Topics.IDENTITY_TENANT_V1, tenant.id().toString(), TenantChanged.TYPE,
                tenant.id(), tenant.id().toString(), changed));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
