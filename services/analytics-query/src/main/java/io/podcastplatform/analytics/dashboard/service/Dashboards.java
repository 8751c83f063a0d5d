package io.podcastplatform.analytics.dashboard.service;

import io.podcastplatform.analytics.dashboard.repository.DashboardRepository;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.BreakdownRow;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.Bucket;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.Dimension;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.ListenerBucket;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.ReachedStep;
import io.podcastplatform.analytics.rollup.repository.ListenerSketchRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Download series of the hourly rollup, in the tenant's time zone (UTC until the tenant chooses one). */
@ApplicationScoped
public class Dashboards {

    public enum Granularity { HOUR, DAY, WEEK, MONTH }

    public record SeriesQuery(LocalDate from, LocalDate to, Granularity granularity, boolean botsIncluded, UUID podcastId, UUID episodeId) {
    }

    public record Series(String timeZone, LocalDate from, LocalDate to, Granularity granularity, String bots, UUID podcastId,
                         UUID episodeId, long total, List<Bucket> buckets) {
    }

    public record TopEpisodes(String timeZone, LocalDate from, LocalDate to, String bots, List<DashboardRepository.EpisodeDownloads> episodes) {
    }

    /**
     * How unique listeners were counted: {@code exact} (distinct at query time) or {@code hyperloglog} (union of hourly
     * sketches; {@code standardError} is the relative standard error of an estimate, 0 for exact counts).
     */
    public record ListenerCounting(String method, double standardError) {
        static final ListenerCounting EXACT = new ListenerCounting("exact", 0);
        static final ListenerCounting SKETCHES = new ListenerCounting("hyperloglog",
                Math.round(ListenerSketchRepository.STANDARD_ERROR * 10_000) / 10_000.0);
    }

    /** The listeners series: unique listeners per bucket and over the whole period (which is not the sum of the buckets). */
    public record ListenerSeries(String timeZone, LocalDate from, LocalDate to, Granularity granularity, String bots, UUID podcastId,
                                 UUID episodeId, long uniqueListeners, long downloads, ListenerCounting uniqueListenersCounting,
                                 List<ListenerBucket> buckets) {
    }

    public record BreakdownQuery(Dimension by, LocalDate from, LocalDate to, boolean botsIncluded, UUID podcastId, UUID episodeId) {
    }

    public record Breakdown(String timeZone, LocalDate from, LocalDate to, String by, String bots, UUID podcastId, UUID episodeId,
                            long uniqueListeners, long downloads, ListenerCounting uniqueListenersCounting, List<BreakdownRow> rows) {
    }

    /** Share of the sessions still listening at {@code percent} of the duration (they reached it). */
    public record CurvePoint(int percent, long sessions, double share) {
    }

    public record ListenThrough(String timeZone, LocalDate from, LocalDate to, String bots, UUID podcastId, UUID episodeId,
                                long sessions, double reached25, double reached50, double reached75, double reached95,
                                long completedSessions, double completionRate, double averageListenSeconds, List<CurvePoint> curve) {
    }

    private final TenantTransactions transactions;
    private final DashboardRepository repository;
    private final ListenerSketchRepository sketches;

    public Dashboards(TenantTransactions transactions, DashboardRepository repository, ListenerSketchRepository sketches) {
        this.transactions = transactions;
        this.repository = repository;
        this.sketches = sketches;
    }

    public Uni<String> timeZone(UUID tenantId) {
        return transactions.inTenant(tenantId, repository::timeZone).map(zone -> zone.orElse("UTC"));
    }

    public Uni<String> setTimeZone(UUID tenantId, ZoneId zone, String updatedBy) {
        return transactions.inTenant(tenantId, tx -> repository.setTimeZone(tx, tenantId, zone.getId(), updatedBy)).replaceWith(zone.getId());
    }

    /** The most downloaded episodes over a period of local dates (both included). */
    public Uni<TopEpisodes> topEpisodes(UUID tenantId, LocalDate from, LocalDate to, boolean botsIncluded, int limit) {
        return transactions.inTenant(tenantId, tx -> repository.timeZone(tx).map(zone -> zone.orElse("UTC")).flatMap(zone -> {
            ZoneId zoneId = ZoneId.of(zone);
            return repository.topEpisodes(tx, from.atStartOfDay(zoneId).toInstant(), to.plusDays(1).atStartOfDay(zoneId).toInstant(), botsIncluded, limit)
                    .map(episodes -> new TopEpisodes(zone, from, to, botsIncluded ? "include" : "exclude", episodes));
        }));
    }

    /** Unique listeners from the hourly sketches where the hll extension keeps them, counted distinct otherwise. */
    public Uni<ListenerSeries> listeners(UUID tenantId, SeriesQuery query) {
        String unit = query.granularity().name().toLowerCase();
        return inZone(tenantId, query.from(), query.to(), (tx, zone, from, to) -> sketches.installed(tx).flatMap(hll -> {
            ListenerCounting counting = hll.isPresent() ? ListenerCounting.SKETCHES : ListenerCounting.EXACT;
            Uni<DashboardRepository.ListenerCounts> counts = hll.isPresent()
                    ? repository.listenersFromSketches(tx, unit, zone, from, to, query.botsIncluded(), query.podcastId(), query.episodeId())
                    : repository.listeners(tx, unit, zone, from, to, query.botsIncluded(), query.podcastId(), query.episodeId());
            return counts.map(found -> new ListenerSeries(zone, query.from(), query.to(), query.granularity(), bots(query.botsIncluded()),
                    query.podcastId(), query.episodeId(), found.uniqueListeners(), found.downloads(), counting, found.buckets()));
        }));
    }

    /**
     * A whole tenant's breakdown from the stored sketches of each value where the hll extension keeps them; one
     * podcast's or one episode's sketched on the fly from its listener rows there (its own index; no sort of the
     * rows); counted distinct without the extension.
     */
    public Uni<Breakdown> breakdown(UUID tenantId, BreakdownQuery query) {
        boolean wholeTenant = query.podcastId() == null && query.episodeId() == null;
        return inZone(tenantId, query.from(), query.to(), (tx, zone, from, to) -> sketches.installed(tx).flatMap(hll -> {
            Uni<DashboardRepository.BreakdownCounts> counts = hll.isPresent() && wholeTenant
                    ? repository.breakdownFromSketches(tx, query.by(), from, to, query.botsIncluded())
                    : repository.breakdown(tx, query.by(), from, to, query.botsIncluded(), query.podcastId(), query.episodeId(), hll.isPresent());
            return counts.map(found -> new Breakdown(zone, query.from(), query.to(), query.by().name().toLowerCase(), bots(query.botsIncluded()),
                    query.podcastId(), query.episodeId(), found.uniqueListeners(), found.downloads(),
                    hll.isPresent() ? ListenerCounting.SKETCHES : ListenerCounting.EXACT, found.rows()));
        }));
    }

    /** Sessions that started in the period (local dates, both included); quartiles, completion and the curve at every 5 %. */
    public Uni<ListenThrough> listenThrough(UUID tenantId, LocalDate fromDate, LocalDate toDate, boolean botsIncluded, UUID podcastId,
                                            UUID episodeId) {
        return inZone(tenantId, fromDate, toDate, (tx, zone, from, to) -> repository.listenThrough(tx, from, to, botsIncluded, podcastId, episodeId)
                .map(steps -> {
                    long[] reaching = new long[21];
                    long sessions = 0;
                    long completed = 0;
                    double listenSeconds = 0;
                    for (ReachedStep step : steps) {
                        for (int point = 0; point <= step.reachedStep(); point++) {
                            reaching[point] += step.sessions();
                        }
                        sessions += step.sessions();
                        completed += step.completed();
                        listenSeconds += step.listenSeconds();
                    }
                    List<CurvePoint> curve = new ArrayList<>(21);
                    for (int point = 0; point <= 20; point++) {
                        curve.add(new CurvePoint(point * 5, reaching[point], share(reaching[point], sessions)));
                    }
                    return new ListenThrough(zone, fromDate, toDate, bots(botsIncluded), podcastId, episodeId, sessions,
                            share(reaching[5], sessions), share(reaching[10], sessions), share(reaching[15], sessions), share(reaching[19], sessions),
                            completed, share(completed, sessions), sessions == 0 ? 0 : Math.round(listenSeconds / sessions * 10) / 10.0, curve);
                }));
    }

    /** A share rounded to four decimals; 0 of nothing. */
    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private static String bots(boolean included) {
        return included ? "include" : "exclude";
    }

    @FunctionalInterface
    private interface ZonedWork<T> {
        Uni<T> run(SqlConnection tx, String zone, Instant from, Instant to);
    }

    /** Runs {@code work} in the tenant with its zone and the instants the local dates [fromDate, toDate] cover. */
    private <T> Uni<T> inZone(UUID tenantId, LocalDate fromDate, LocalDate toDate, ZonedWork<T> work) {
        return transactions.inTenant(tenantId, tx -> repository.timeZone(tx).map(zone -> zone.orElse("UTC")).flatMap(zone -> {
            ZoneId zoneId = ZoneId.of(zone);
            return work.run(tx, zone, fromDate.atStartOfDay(zoneId).toInstant(), toDate.plusDays(1).atStartOfDay(zoneId).toInstant());
        }));
    }

    /** The period's dates are local dates of the tenant's zone, both included. */
    public Uni<Series> downloads(UUID tenantId, SeriesQuery query) {
        return transactions.inTenant(tenantId, tx -> repository.timeZone(tx).map(zone -> zone.orElse("UTC")).flatMap(zone -> {
            ZoneId zoneId = ZoneId.of(zone);
            return repository.downloads(tx, query.granularity().name().toLowerCase(), zone, query.from().atStartOfDay(zoneId).toInstant(),
                            query.to().plusDays(1).atStartOfDay(zoneId).toInstant(), query.botsIncluded(), query.podcastId(), query.episodeId())
                    .map(buckets -> new Series(zone, query.from(), query.to(), query.granularity(), query.botsIncluded() ? "include" : "exclude",
                            query.podcastId(), query.episodeId(), buckets.stream().mapToLong(Bucket::downloads).sum(), buckets));
        }));
    }
}
