package io.podcastplatform.identity.audit.service;

import io.podcastplatform.identity.audit.repository.AuditRepository;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Writes and reads the audit trail and security events. An entry belongs to the tenant it concerns (the
 * caller's, or the tenant a platform administrator acted on); platform-level entries have none and only
 * platform administrators read them.
 */
@ApplicationScoped
public class AuditTrail {

    private final TenantTransactions transactions;
    private final AuditRepository repository;

    public AuditTrail(TenantTransactions transactions, AuditRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    public Uni<Void> record(AuditEntry entry) {
        return entry.tenantId() == null
                ? transactions.inPlatformScope(tx -> repository.insert(tx, entry))
                : transactions.inTenant(entry.tenantId(), tx -> repository.insert(tx, entry));
    }

    public Uni<Void> record(SecurityEvent event) {
        return event.tenantId() == null
                ? transactions.inPlatformScope(tx -> repository.insert(tx, event))
                : transactions.inTenant(event.tenantId(), tx -> repository.insert(tx, event));
    }

    public Uni<List<AuditEntry>> audit(Caller caller, AuditQuery query) {
        return scoped(caller, tx -> repository.auditPage(tx, query));
    }

    public Uni<List<SecurityEvent>> securityEvents(Caller caller, AuditQuery query) {
        return scoped(caller, tx -> repository.securityPage(tx, query));
    }

    private <T> Uni<T> scoped(Caller caller, java.util.function.Function<io.vertx.mutiny.sqlclient.SqlConnection, Uni<T>> work) {
        UUID tenant = caller.tenantId();
        return caller.isPlatformAdmin() || tenant == null ? transactions.inPlatformScope(work) : transactions.inTenant(tenant, work);
    }
}
