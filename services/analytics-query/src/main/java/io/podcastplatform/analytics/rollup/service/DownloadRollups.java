package io.podcastplatform.analytics.rollup.service;

import io.podcastplatform.analytics.iab.service.CountedDownload;
import io.podcastplatform.analytics.iab.service.DownloadRequest;
import io.podcastplatform.analytics.iab.service.IabConfig;
import io.podcastplatform.analytics.iab.service.IabDownloadCounter;
import io.podcastplatform.analytics.iab.service.WindowMode;
import io.podcastplatform.analytics.methodology.repository.IabSettingRepository;
import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository;
import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository.HourlyDownloads;
import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository.RawRequest;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    public DownloadRollups(TenantTransactions transactions, IabSettingRepository settings, DownloadRollupRepository rollups,
                           IabDownloadCounter counter, IabConfig config) {
        this.transactions = transactions;
        this.settings = settings;
        this.rollups = rollups;
        this.botsExcluded = counter;
        this.botsIncluded = counter.botsIncluded();
        this.config = config;
    }

    /** Recomputes the whole hours covering [from, to); the period is widened outwards to hour boundaries. */
    public Uni<Recomputed> recompute(UUID tenantId, Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = to.truncatedTo(ChronoUnit.HOURS).equals(to) ? to : to.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return transactions.inTenant(tenantId, tx -> rollups.lockTenant(tx, tenantId).flatMap(locked -> recomputeIn(tx, tenantId, start, end)));
    }

    /**
     * The scheduled refresh: recomputes from the watermark (or the trailing window, if that reaches further back)
     * through the open hour, then moves the watermark to the open hour. Rows arriving later than the trailing
     * window behind a watermark are counted by {@link #recompute}.
     */
    public Uni<Recomputed> refresh(UUID tenantId, Instant now, Duration trailing, Duration longestCatchUp) {
        Instant openHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant trailingStart = openHour.minus(trailing);
        return transactions.inTenant(tenantId, tx -> rollups.lockTenant(tx, tenantId)
                .flatMap(locked -> rollups.watermark(tx))
                .flatMap(watermark -> {
                    Instant start = watermark.filter(w -> w.isBefore(trailingStart)).orElse(trailingStart);
                    Instant bounded = start.isBefore(openHour.minus(longestCatchUp)) ? openHour.minus(longestCatchUp) : start;
                    return recomputeIn(tx, tenantId, bounded, openHour.plus(Duration.ofHours(1)));
                })
                .flatMap(recomputed -> rollups.advanceWatermark(tx, tenantId, openHour).replaceWith(recomputed)));
    }

    private Uni<Recomputed> recomputeIn(io.vertx.mutiny.sqlclient.SqlConnection tx, UUID tenantId, Instant start, Instant end) {
        return settings.windowMode(tx)
                .map(mode -> mode.orElse(config.defaultWindowMode()))
                .flatMap(mode -> rollups.requests(tx, start.minus(LOOK_BACK), end).flatMap(requests -> {
                    List<HourlyDownloads> rows = new ArrayList<>();
                    long downloads = hourly(botsExcluded, false, requests, mode, start, end, rows);
                    long withBots = hourly(botsIncluded, true, requests, mode, start, end, rows);
                    return rollups.replace(tx, tenantId, start, end, rows)
                            .map(done -> new Recomputed(start, end, mode, downloads, withBots));
                }));
    }

    /** Adds the rows of one variant to {@code rows}; returns the downloads counted in [start, end). */
    private static long hourly(IabDownloadCounter counter, boolean botsIncluded, List<RawRequest> requests, WindowMode mode,
                               Instant start, Instant end, List<HourlyDownloads> rows) {
        Map<UUID, UUID> podcastOf = new HashMap<>();
        List<DownloadRequest> plain = new ArrayList<>(requests.size());
        for (RawRequest raw : requests) {
            plain.add(raw.request());
            if (raw.podcastId() != null) {
                podcastOf.put(raw.request().episodeId(), raw.podcastId());
            }
        }
        record Cell(UUID episodeId, Instant hourStart) {
        }
        Map<Cell, Long> cells = new HashMap<>();
        for (CountedDownload counted : counter.count(plain, mode)) {
            if (!counted.countedAt().isBefore(start) && counted.countedAt().isBefore(end)) {
                cells.merge(new Cell(counted.episodeId(), counted.countedAt().truncatedTo(ChronoUnit.HOURS)), 1L, Long::sum);
            }
        }
        long total = 0;
        for (var cell : cells.entrySet()) {
            rows.add(new HourlyDownloads(botsIncluded, cell.getKey().episodeId(), cell.getKey().hourStart(),
                    podcastOf.get(cell.getKey().episodeId()), cell.getValue()));
            total += cell.getValue();
        }
        return total;
    }
}
