package io.podcastplatform.analytics.report.service;

import io.podcastplatform.analytics.dashboard.service.Dashboards;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.Dimension;
import io.podcastplatform.analytics.dashboard.service.Dashboards.BreakdownQuery;
import io.podcastplatform.analytics.dashboard.service.Dashboards.SeriesQuery;
import io.podcastplatform.analytics.report.repository.ReportRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Saved report definitions, rendered on demand by the dashboard services (the report adds no SQL of its own over the
 * rollups) and recorded, successful or not, one generation per rendering.
 */
@ApplicationScoped
public class Reports {

    /** A rendered report and the generation that records it. */
    public record Rendered(Report report, ReportGeneration generation, String csv) {
    }

    private final TenantTransactions transactions;
    private final ReportRepository reports;
    private final Dashboards dashboards;
    private final Clock clock = Clock.systemUTC();

    public Reports(TenantTransactions transactions, ReportRepository reports, Dashboards dashboards) {
        this.transactions = transactions;
        this.reports = reports;
        this.dashboards = dashboards;
    }

    public Uni<Report> create(UUID tenantId, String createdBy, ReportDefinition definition) {
        return transactions.inTenant(tenantId, tx -> reports.insert(tx, UUID.randomUUID(), tenantId, createdBy, definition));
    }

    public Uni<Report> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> reports.find(tx, id)).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /** Newest first; {@code limit} rows at most (ask one more than shown to learn whether another page follows). */
    public Uni<List<Report>> page(UUID tenantId, TimeCursor after, int limit) {
        return transactions.inTenant(tenantId, tx -> reports.page(tx, after, limit));
    }

    public Uni<Report> replace(UUID tenantId, UUID id, ReportDefinition definition) {
        return transactions.inTenant(tenantId, tx -> reports.replace(tx, id, definition)).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /** Soft delete: the report's generations stay on record. */
    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> reports.softDelete(tx, id))
                .map(deleted -> {
                    if (!deleted) {
                        throw notFound(id);
                    }
                    return null;
                });
    }

    public Uni<List<ReportGeneration>> generations(UUID tenantId, UUID reportId, TimeCursor after, int limit) {
        return transactions.inTenant(tenantId, tx -> reports.find(tx, reportId).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(notFound(reportId));
            }
            return reports.generations(tx, reportId, after, limit);
        }));
    }

    /**
     * Renders the report for its period as of now in the tenant's time zone, and records the generation; a failed
     * rendering is recorded too, then answered as it failed.
     */
    public Uni<Rendered> generate(UUID tenantId, UUID reportId, String requestedBy) {
        OffsetDateTime requestedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        long started = System.nanoTime();
        return find(tenantId, reportId).flatMap(report -> dashboards.timeZone(tenantId).flatMap(zone -> {
            ReportDefinition definition = report.definition();
            ResolvedPeriod period = definition.period().resolve(LocalDate.now(clock.withZone(ZoneId.of(zone))));
            return render(tenantId, definition, period)
                    .flatMap(csv -> record(tenantId, new ReportGeneration(UUID.randomUUID(), reportId, requestedBy, requestedAt,
                            period.from(), period.to(), zone, definition.format(), ReportGeneration.Status.SUCCEEDED, csv.rowCount(),
                            (long) csv.text().getBytes(StandardCharsets.UTF_8).length, elapsedMs(started), null))
                            .map(generation -> new Rendered(report, generation, csv.text())))
                    .onFailure().call(failure -> record(tenantId, new ReportGeneration(UUID.randomUUID(), reportId, requestedBy,
                                    requestedAt, period.from(), period.to(), zone, definition.format(), ReportGeneration.Status.FAILED, null,
                                    null, elapsedMs(started), describe(failure)))
                            .onFailure().recoverWithNull());
        }));
    }

    private Uni<ReportCsv> render(UUID tenantId, ReportDefinition definition, ResolvedPeriod period) {
        ReportFilters filters = definition.filters();
        return switch (definition.series()) {
            case DOWNLOADS -> dashboards.downloads(tenantId, new SeriesQuery(period.from(), period.to(), definition.granularity(),
                    filters.botsIncluded(), filters.podcastId(), filters.episodeId())).map(ReportCsv::of);
            case TOP_EPISODES -> dashboards.topEpisodes(tenantId, period.from(), period.to(), filters.botsIncluded(), filters.limitOrDefault())
                    .map(ReportCsv::of);
            case LISTENERS -> dashboards.listeners(tenantId, new SeriesQuery(period.from(), period.to(), definition.granularity(),
                    filters.botsIncluded(), filters.podcastId(), filters.episodeId())).map(ReportCsv::of);
            case BREAKDOWN -> dashboards.breakdown(tenantId, new BreakdownQuery(Dimension.valueOf(filters.by().toUpperCase(Locale.ROOT)),
                    period.from(), period.to(), filters.botsIncluded(), filters.podcastId(), filters.episodeId())).map(ReportCsv::of);
            case LISTEN_THROUGH -> dashboards.listenThrough(tenantId, period.from(), period.to(), filters.botsIncluded(), filters.podcastId(),
                    filters.episodeId()).map(ReportCsv::of);
        };
    }

    private Uni<ReportGeneration> record(UUID tenantId, ReportGeneration generation) {
        return transactions.inTenant(tenantId, tx -> reports.insertGeneration(tx, tenantId, generation));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("report", id);
    }
}
