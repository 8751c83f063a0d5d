package io.podcastplatform.analytics.rollup.service;

import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository;
import io.podcastplatform.analytics.rollup.repository.ListenThroughRepository;
import io.podcastplatform.analytics.rollup.repository.SourceChangeRepository;
import io.podcastplatform.analytics.rollup.repository.SourceChangeRepository.ChangedHour;
import io.podcastplatform.analytics.rollup.repository.SourceChangeRepository.Source;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps every active tenant's rollups fresh, incrementally: each pass compares, per tenant, the raw row count of
 * every hour of the trailing window with the count the rollups were computed from, and recomputes only what
 * changed (an idle tenant costs one probing statement). Every {@code deep-probe-every} (and on the first pass
 * after a start) the probe reaches back {@code longest-catch-up}, so rows arriving later than the trailing window
 * are found too. A recompute and the counts it was made from are committed together, under the tenant's lock:
 * a crash in between recomputes again, a row committed after the probe is seen by the next pass.
 */
@ApplicationScoped
public class DownloadRollupRefresher {

    private static final Logger LOG = Logger.getLogger(DownloadRollupRefresher.class);
    private static final Duration HOUR = Duration.ofHours(1);
    /** A request can change how the requests of the next 24 hours count (the IAB window), so they are recomputed with it. */
    private static final Duration IAB_REACH = Duration.ofHours(25);

    /** What one pass did for one tenant. */
    public record Refreshed(int changedDownloadHours, int changedListenerHours, long downloadsRecomputed) {
    }

    private final DownloadRollups rollups;
    private final DownloadRollupRepository repository;
    private final SourceChangeRepository changes;
    private final ListenThroughRepository listenThrough;
    private final TenantTransactions transactions;
    private final PgPool pool;
    private final RollupConfig config;
    private final Map<UUID, Instant> lastDeepProbe = new ConcurrentHashMap<>();

    public DownloadRollupRefresher(DownloadRollups rollups, DownloadRollupRepository repository, SourceChangeRepository changes,
                                   ListenThroughRepository listenThrough, TenantTransactions transactions, PgPool pool, RollupConfig config) {
        this.rollups = rollups;
        this.repository = repository;
        this.changes = changes;
        this.listenThrough = listenThrough;
        this.transactions = transactions;
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${analytics.rollups.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshAll() {
        Instant now = Clock.systemUTC().instant();
        long started = System.nanoTime();
        return repository.activeTenants(pool)
                .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUni(tenant -> refresh(tenant, now)
                        .onFailure().invoke(failure -> LOG.warnf(failure, "rollup refresh of tenant %s failed; the next run retries", tenant))
                        .onFailure().recoverWithNull())
                .merge(config.parallelTenants())
                .collect().with(java.util.stream.Collectors.counting())
                .invoke(tenants -> LOG.debugf("rollup refresh of %d tenants took %d ms", tenants.longValue(), (System.nanoTime() - started) / 1_000_000L))
                .replaceWithVoid();
    }

    /** One pass for one tenant, as of {@code now}: hours after the open one are left for later passes. */
    public Uni<Refreshed> refresh(UUID tenantId, Instant now) {
        Instant openHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant end = openHour.plus(HOUR);
        Instant lastDeep = lastDeepProbe.get(tenantId);
        boolean deep = lastDeep == null || !now.isBefore(lastDeep.plus(config.deepProbeEvery()));
        Instant probeFrom = openHour.minus(deep ? config.longestCatchUp() : config.trailingWindow());
        return transactions.inTenant(tenantId, tx -> changes.changedHours(tx, probeFrom, end))
                .flatMap(changed -> {
                    if (deep) {
                        // spread over the period, so the tenants' deep probes do not all fall in the same pass
                        lastDeepProbe.put(tenantId, now.minusMillis(Math.floorMod(tenantId.hashCode(), config.deepProbeEvery().toMillis())));
                    }
                    List<ChangedHour> downloads = changed.stream().filter(hour -> hour.source() == Source.DOWNLOAD).toList();
                    List<ChangedHour> listens = changed.stream().filter(hour -> hour.source() == Source.LISTENER).toList();
                    return recomputeDownloads(tenantId, downloads, end)
                            .flatMap(counted -> recomputeListenThrough(tenantId, listens)
                                    .replaceWith(new Refreshed(downloads.size(), listens.size(), counted)));
                });
    }

    /**
     * Changed hours in groups spanning under a day; each group is recomputed with the 25 hours after its last hour
     * (bounded by the open hour), in its own transaction, together with the counts of its hours.
     */
    private Uni<Long> recomputeDownloads(UUID tenantId, List<ChangedHour> changed, Instant end) {
        List<List<ChangedHour>> groups = new ArrayList<>();
        for (ChangedHour hour : changed) {
            List<ChangedHour> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last == null || !hour.hourStart().isBefore(last.get(0).hourStart().plus(Duration.ofDays(1)))) {
                groups.add(new ArrayList<>(List.of(hour)));
            } else {
                last.add(hour);
            }
        }
        return Multi.createFrom().iterable(groups)
                .onItem().transformToUniAndConcatenate(group -> {
                    Instant start = group.get(0).hourStart();
                    Instant reach = group.get(group.size() - 1).hourStart().plus(IAB_REACH);
                    Instant stop = reach.isBefore(end) ? reach : end;
                    return transactions.inTenant(tenantId, tx -> repository.lockTenant(tx, tenantId)
                            .flatMap(locked -> rollups.recomputeDownloads(tx, tenantId, start, stop))
                            .flatMap(recomputed -> changes.record(tx, tenantId, group).replaceWith(recomputed.downloads())));
                })
                .collect().asList().map(counts -> counts.stream().mapToLong(Long::longValue).sum());
    }

    /** Each UTC day with a changed hour is recomputed whole (sessions never cross a UTC midnight). */
    private Uni<Void> recomputeListenThrough(UUID tenantId, List<ChangedHour> changed) {
        Map<Instant, List<ChangedHour>> days = new TreeMap<>();
        changed.forEach(hour -> days.computeIfAbsent(hour.hourStart().truncatedTo(ChronoUnit.DAYS), day -> new ArrayList<>()).add(hour));
        return Multi.createFrom().iterable(days.entrySet())
                .onItem().transformToUniAndConcatenate(day -> transactions.inTenant(tenantId, tx -> repository.lockTenant(tx, tenantId)
                        .flatMap(locked -> listenThrough.replace(tx, tenantId, day.getKey(), day.getKey().plus(Duration.ofDays(1))))
                        .flatMap(rows -> changes.record(tx, tenantId, day.getValue()))))
                .collect().asList().replaceWithVoid();
    }
}
