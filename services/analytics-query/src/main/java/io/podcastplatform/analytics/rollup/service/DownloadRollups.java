package io.podcastplatform.analytics.rollup.service;

import io.podcastplatform.analytics.iab.service.CountedDownload;
import io.podcastplatform.analytics.iab.service.DownloadRequest;
import io.podcastplatform.analytics.iab.service.IabConfig;
import io.podcastplatform.analytics.iab.service.IabDownloadCounter;
import io.podcastplatform.analytics.iab.service.WindowMode;
import io.podcastplatform.analytics.methodology.repository.IabSettingRepository;
import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository;
import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository.HourlyDownloads;
import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository.ListenerDownloads;
import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository.RawRequest;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.analytics.rollup.repository.ListenThroughRepository;
import io.podcastplatform.analytics.rollup.repository.ListenerSketchRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Keeps the hourly IAB download rollup exact: a period is recomputed from the raw requests as a whole (delete +
 * insert in one transaction, under a per-tenant lock), so redelivered, replayed or late requests count exactly once.
 */
@ApplicationScoped
public class DownloadRollups {

    /** The IAB windows look back at most 24 hours: a listener counted then is not counted again in the period. */
    private static final Duration LOOK_BACK = Duration.ofHours(24);

    public record Recomputed(Instant from, Instant to, WindowMode windowMode, long downloads, long downloadsWithBots) {
    }

    private final TenantTransactions transactions;
    private final IabSettingRepository settings;
    private final DownloadRollupRepository rollups;
    private final IabDownloadCounter botsExcluded;
    private final IabDownloadCounter botsIncluded;
    private final IabConfig config;
    private final ListenThroughRepository listenThrough;
    private final ListenerSketchRepository sketches;

    public DownloadRollups(TenantTransactions transactions, IabSettingRepository settings, DownloadRollupRepository rollups,
                           IabDownloadCounter counter, IabConfig config, ListenThroughRepository listenThrough,
                           ListenerSketchRepository sketches) {
        this.transactions = transactions;
        this.listenThrough = listenThrough;
        this.sketches = sketches;
        this.settings = settings;
        this.rollups = rollups;
        this.botsExcluded = counter;
        this.botsIncluded = counter.botsIncluded();
        this.config = config;
    }

    /**
     * Recomputes the whole hours covering [from, to) (the period is widened outwards to hour boundaries), and the
     * listen-through of the whole UTC days they fall in.
     */
    public Uni<Recomputed> recompute(UUID tenantId, Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = to.truncatedTo(ChronoUnit.HOURS).equals(to) ? to : to.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant firstDay = start.truncatedTo(ChronoUnit.DAYS);
        Instant lastDay = end.truncatedTo(ChronoUnit.DAYS).equals(end) ? end : end.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        return transactions.inTenant(tenantId, tx -> rollups.lockTenant(tx, tenantId)
                .flatMap(locked -> recomputeIn(tx, tenantId, start, end))
                .flatMap(recomputed -> listenThrough.replace(tx, tenantId, firstDay, lastDay).replaceWith(recomputed)));
    }

    /** Recomputes the downloads of [start, end) (whole hours) in a transaction bound to the tenant and holding its lock. */
    Uni<Recomputed> recomputeDownloads(SqlConnection tx, UUID tenantId, Instant start, Instant end) {
        return recomputeIn(tx, tenantId, start, end);
    }

    private Uni<Recomputed> recomputeIn(SqlConnection tx, UUID tenantId, Instant start, Instant end) {
        return settings.windowMode(tx)
                .map(mode -> mode.orElse(config.defaultWindowMode()))
                .flatMap(mode -> rollups.requests(tx, start.minus(LOOK_BACK), end)
                        .flatMap(requests -> offTheEventLoop(() -> count(requests, mode, start, end)))
                        .flatMap(counted -> rollups.replace(tx, tenantId, start, end, counted.rows(), counted.listeners())
                                .flatMap(done -> sketches.derive(tx, tenantId, start, end))
                                .map(done -> new Recomputed(start, end, mode, counted.downloads(), counted.downloadsWithBots()))));
    }

    private record Counted(List<HourlyDownloads> rows, List<ListenerDownloads> listeners, long downloads, long downloadsWithBots) {
    }

    private Counted count(List<RawRequest> requests, WindowMode mode, Instant start, Instant end) {
        List<HourlyDownloads> rows = new ArrayList<>();
        List<ListenerDownloads> listeners = new ArrayList<>();
        long downloads = hourly(botsExcluded, false, requests, mode, start, end, rows, listeners);
        long withBots = hourly(botsIncluded, true, requests, mode, start, end, rows, listeners);
        return new Counted(rows, listeners, downloads, withBots);
    }

    /**
     * Counting a day of a large tenant takes seconds of CPU: on a worker thread, so the event loop keeps answering
     * dashboards meanwhile; the result comes back on the caller's Vert.x context, where its transaction lives.
     */
    private static <T> Uni<T> offTheEventLoop(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> onWorker = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? onWorker : onWorker.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    /** Adds the rows of one variant to {@code rows} and {@code listeners}; returns the downloads counted in [start, end). */
    private static long hourly(IabDownloadCounter counter, boolean botsIncluded, List<RawRequest> requests, WindowMode mode,
                               Instant start, Instant end, List<HourlyDownloads> rows, List<ListenerDownloads> listeners) {
        Map<UUID, UUID> podcastOf = new HashMap<>();
        Map<DownloadRequest, RawRequest> rawOf = new IdentityHashMap<>();
        List<DownloadRequest> plain = new ArrayList<>(requests.size());
        for (RawRequest raw : requests) {
            plain.add(raw.request());
            rawOf.put(raw.request(), raw);
            if (raw.podcastId() != null) {
                podcastOf.put(raw.request().episodeId(), raw.podcastId());
            }
        }
        record Cell(UUID episodeId, Instant hourStart) {
        }
        record ListenerCell(Instant hourStart, UUID episodeId, long listener) {
        }
        Map<Cell, Long> cells = new HashMap<>();
        Map<ListenerCell, ListenerDownloads> listenerCells = new LinkedHashMap<>();
        for (CountedDownload counted : counter.count(plain, mode)) {
            if (!counted.countedAt().isBefore(start) && counted.countedAt().isBefore(end)) {
                Instant hour = counted.countedAt().truncatedTo(ChronoUnit.HOURS);
                cells.merge(new Cell(counted.episodeId(), hour), 1L, Long::sum);
                RawRequest raw = rawOf.get(counted.by());
                long listener = ListenerKeys.of(IabDownloadCounter.listener(counted.by()));
                listenerCells.merge(new ListenerCell(hour, counted.episodeId(), listener),
                        new ListenerDownloads(botsIncluded, hour, counted.episodeId(), listener, podcastOf.get(counted.episodeId()),
                                raw.countryCode(), raw.appName(), raw.deviceType(), Platforms.of(counted.by().userAgent()), 1),
                        (held, more) -> new ListenerDownloads(held.botsIncluded(), held.hourStart(), held.episodeId(), held.listener(),
                                held.podcastId(), held.countryCode(), held.appName(), held.deviceType(), held.platform(),
                                held.downloads() + more.downloads()));
            }
        }
        long total = 0;
        for (var cell : cells.entrySet()) {
            rows.add(new HourlyDownloads(botsIncluded, cell.getKey().episodeId(), cell.getKey().hourStart(),
                    podcastOf.get(cell.getKey().episodeId()), cell.getValue()));
            total += cell.getValue();
        }
        listeners.addAll(listenerCells.values());
        return total;
    }
}
