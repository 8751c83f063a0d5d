package io.podcastplatform.ingest.quota.service;

import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.quota.repository.EventQuotaRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The quota answer from the {@code event_quota} table, remembered per tenant for a few seconds
 * ({@code ingest.quota.cache-ttl}) so the hot path does not query on every call. A failed lookup admits
 * the events (logged): a quota is a commercial limit, losing events over it would be worse.
 */
@ApplicationScoped
public class TableEventQuota implements EventQuota {

    private static final Logger LOG = Logger.getLogger(TableEventQuota.class);

    private record Remembered(Optional<EventQuotaRepository.Block> block, long expiresAtNanos) {
    }

    private final EventQuotaRepository quotas;
    private final TenantTransactions transactions;
    private final Duration ttl;
    private final Map<UUID, Remembered> remembered = new ConcurrentHashMap<>();

    public TableEventQuota(EventQuotaRepository quotas, TenantTransactions transactions, IngestConfig config) {
        this.quotas = quotas;
        this.transactions = transactions;
        this.ttl = config.quota().cacheTtl();
    }

    @Override
    public Uni<Optional<OverQuota>> check(UUID tenantId) {
        Remembered known = remembered.get(tenantId);
        if (known != null && known.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(overQuota(known.block()));
        }
        return transactions.inTenant(tenantId, tx -> quotas.current(tx, tenantId))
                .invoke(block -> remembered.put(tenantId, new Remembered(block, System.nanoTime() + ttl.toNanos())))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("quota of tenant %s unknown, admitting its events: %s", tenantId, failure.toString());
                    return Optional.empty();
                })
                .map(TableEventQuota::overQuota);
    }

    private static Optional<OverQuota> overQuota(Optional<EventQuotaRepository.Block> block) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return block.filter(b -> b.blockedUntil().isAfter(now))
                .map(b -> new OverQuota(b.quota(), Duration.between(now, b.blockedUntil())));
    }
}
