package io.podcastplatform.analytics.dashboard.service;

import io.podcastplatform.analytics.dashboard.repository.DashboardRepository;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.Bucket;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
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

    private final TenantTransactions transactions;
    private final DashboardRepository repository;

    public Dashboards(TenantTransactions transactions, DashboardRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
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
