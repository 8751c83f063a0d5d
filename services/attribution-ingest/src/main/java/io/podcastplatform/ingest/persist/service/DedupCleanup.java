package io.podcastplatform.ingest.persist.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.persist.repository.IngestedMessageRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Forgets message ids past the dedup window ({@code ingest.clock.dedup-window}, longer than the oldest
 * accepted event), tenant by tenant in short transactions of at most {@value #CHUNK} rows, so the hot
 * path's claims never wait long behind it.
 */
@ApplicationScoped
public class DedupCleanup {

    private static final Logger LOG = Logger.getLogger(DedupCleanup.class);
    static final int CHUNK = 5_000;

    private final IngestedMessageRepository messages;
    private final TenantTransactions transactions;
    private final Duration window;
    private final MeterRegistry registry;

    public DedupCleanup(IngestedMessageRepository messages, TenantTransactions transactions, IngestConfig config, MeterRegistry registry) {
        this.messages = messages;
        this.transactions = transactions;
        this.window = config.clock().dedupWindow();
        this.registry = registry;
    }

    @Scheduled(every = "${ingest.clock.dedup-cleanup-interval:1h}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return forgetExpired().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("dedup clean-up failed, next round retries: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    /** One round over every tenant; the number of records removed. */
    public Uni<Long> forgetExpired() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(window);
        return messages.tenants().onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUniAndConcatenate(tenant -> forget(tenant, before))
                .collect().with(java.util.stream.Collectors.summingLong(Long::longValue))
                .invoke(removed -> registry.counter("ingest.dedup.forgotten").increment(removed));
    }

    private Uni<Long> forget(UUID tenantId, OffsetDateTime before) {
        return transactions.inTenant(tenantId, tx -> messages.deleteOlder(tx, tenantId, before, CHUNK))
                .flatMap(removed -> removed < CHUNK ? Uni.createFrom().item((long) removed)
                        : forget(tenantId, before).map(more -> more + removed));
    }
}
