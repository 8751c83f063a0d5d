package io.podcastplatform.analytics.rollup.repository;

import io.podcastplatform.analytics.iab.service.DownloadRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The raw download requests (ingest's read view) and the hourly download rollup built from them. */
@ApplicationScoped
public class DownloadRollupRepository {

    /**
     * One raw request with what the IAB rules do not need but the rollups keep: its podcast and the dimensions
     * of the breakdowns.
     */
    public record RawRequest(DownloadRequest request, UUID podcastId, String countryCode, String appName, String deviceType) {
    }

    /**
     * One counted download of one listener (a 64-bit hash of address and User-Agent) in one UTC hour, with the
     * dimensions of the request that counted.
     */
    public record ListenerDownloads(boolean botsIncluded, Instant hourStart, UUID episodeId, long listener, UUID podcastId,
                                    String countryCode, String appName, String deviceType, String platform, int downloads) {
    }

    /** One rollup row: IAB downloads of an episode counted in one UTC hour. */
    public record HourlyDownloads(boolean botsIncluded, UUID episodeId, Instant hourStart, UUID podcastId, long downloads) {
    }

    /**
     * Serialises rollup work per tenant, so a scheduled refresh and an on-demand recompute of overlapping hours
     * never interleave their delete + insert.
     */
    public Uni<Void> lockTenant(SqlClient tx, UUID tenantId) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('analytics.download_hourly:' || $1, 0))")
                .execute(Tuple.of(tenantId.toString())).replaceWithVoid();
    }

    /**
     * Requests for an episode in [from, to), oldest first; the listener is the household hash (IPv6 already cut
     * to its /64 before hashing at ingest) or, without one, the address hash. The episode's byte length and
     * duration come from the copy of catalog.episode.v1; unknown ones leave the one-minute rule out.
     */
    public Uni<List<RawRequest>> requests(SqlClient tx, Instant from, Instant to) {
        return tx.preparedQuery("""
                        SELECT d.occurred_at, d.method, COALESCE(d.household_hash, d.ip_hash) AS listener_address, d.user_agent,
                               d.range_header, d.episode_id, d.podcast_id, e.enclosure_length, e.duration_seconds,
                               d.country_code, d.app_name, d.device_type
                          FROM ingest.download_requests_v1 d
                          LEFT JOIN episode_copy e ON e.episode_id = d.episode_id
                         WHERE d.occurred_at >= $1 AND d.occurred_at < $2 AND d.episode_id IS NOT NULL
                         ORDER BY d.occurred_at, d.request_id""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<RawRequest> found = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        found.add(new RawRequest(new DownloadRequest(row.getOffsetDateTime("occurred_at").toInstant(), row.getString("method"),
                                row.getString("listener_address"), row.getString("user_agent"), row.getString("range_header"),
                                row.getUUID("episode_id"), row.getLong("enclosure_length"), row.getInteger("duration_seconds")),
                                row.getUUID("podcast_id"), row.getString("country_code"), row.getString("app_name"),
                                row.getString("device_type")));
                    }
                    return found;
                });
    }

    /**
     * Replaces the download rollup rows of [from, to) by {@code rows} and {@code listeners}, then derives the
     * coarser rollups of the same hours (and of the whole UTC days they touch) from {@code download_hourly}:
     * together with the tenant lock, each request counts once, and every rollup agrees with {@code download_hourly}.
     */
    public Uni<Void> replace(SqlClient tx, UUID tenantId, Instant from, Instant to, List<HourlyDownloads> rows,
                             List<ListenerDownloads> listeners) {
        Tuple period = Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        Uni<Void> replaced = tx.preparedQuery("DELETE FROM download_hourly WHERE hour_start >= $1 AND hour_start < $2").execute(period)
                .flatMap(done -> tx.preparedQuery("DELETE FROM download_listener_hourly WHERE hour_start >= $1 AND hour_start < $2").execute(period))
                .replaceWithVoid();
        if (!rows.isEmpty()) {
            List<Tuple> batch = rows.stream().map(row -> Tuple.of(tenantId, row.botsIncluded(), row.episodeId(),
                    row.hourStart().atOffset(ZoneOffset.UTC), row.podcastId(), row.downloads())).toList();
            List<Tuple> listenerBatch = listeners.stream().map(row -> Tuple.tuple().addUUID(tenantId).addBoolean(row.botsIncluded())
                    .addOffsetDateTime(row.hourStart().atOffset(ZoneOffset.UTC)).addUUID(row.episodeId()).addLong(row.listener())
                    .addUUID(row.podcastId()).addString(row.countryCode()).addString(row.appName()).addString(row.deviceType())
                    .addString(row.platform()).addInteger(row.downloads())).toList();
            replaced = replaced.flatMap(done -> tx.preparedQuery("""
                            INSERT INTO download_hourly (tenant_id, bots_included, episode_id, hour_start, podcast_id, downloads)
                            VALUES ($1, $2, $3, $4, $5, $6)""")
                    .executeBatch(batch)).flatMap(done -> tx.preparedQuery("""
                            INSERT INTO download_listener_hourly (tenant_id, bots_included, hour_start, episode_id, listener, podcast_id,
                                   country_code, app_name, device_type, platform, downloads)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""")
                    .executeBatch(listenerBatch)).replaceWithVoid();
        }
        return replaced.flatMap(done -> deriveCoarser(tx, tenantId, from, to));
    }

    /**
     * Replaces the per-tenant and per-podcast hourly totals of [from, to) and the per-episode totals of the UTC
     * days [from, to) touches by aggregating {@code download_hourly} (already replaced): whole days, so an hour
     * recomputed alone leaves its day's total right. {@code bots_included IN (false, true)} lets the keys, which
     * put the variant before the hour or day, scan the period of each variant instead of the tenant's every row.
     */
    private Uni<Void> deriveCoarser(SqlClient tx, UUID tenantId, Instant from, Instant to) {
        Tuple hours = Tuple.of(tenantId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate endDay = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC).plusDays(1);
        Tuple days = Tuple.of(tenantId, firstDay, endDay);
        return tx.preparedQuery("DELETE FROM download_tenant_hourly WHERE tenant_id = $1 AND bots_included IN (false, true) AND hour_start >= $2 AND hour_start < $3").execute(hours)
                .flatMap(done -> tx.preparedQuery("""
                        INSERT INTO download_tenant_hourly (tenant_id, bots_included, hour_start, downloads)
                        SELECT tenant_id, bots_included, hour_start, sum(downloads) FROM download_hourly
                         WHERE tenant_id = $1 AND bots_included IN (false, true) AND hour_start >= $2 AND hour_start < $3
                         GROUP BY tenant_id, bots_included, hour_start""").execute(hours))
                .flatMap(done -> tx.preparedQuery("DELETE FROM download_podcast_hourly WHERE tenant_id = $1 AND bots_included IN (false, true) AND hour_start >= $2 AND hour_start < $3")
                        .execute(hours))
                .flatMap(done -> tx.preparedQuery("""
                        INSERT INTO download_podcast_hourly (tenant_id, bots_included, podcast_id, hour_start, downloads)
                        SELECT tenant_id, bots_included, podcast_id, hour_start, sum(downloads) FROM download_hourly
                         WHERE tenant_id = $1 AND bots_included IN (false, true) AND hour_start >= $2 AND hour_start < $3 AND podcast_id IS NOT NULL
                         GROUP BY tenant_id, bots_included, podcast_id, hour_start""").execute(hours))
                .flatMap(done -> tx.preparedQuery("DELETE FROM download_episode_daily WHERE tenant_id = $1 AND bots_included IN (false, true) AND day_utc >= $2 AND day_utc < $3")
                        .execute(days))
                .flatMap(done -> tx.preparedQuery("""
                        INSERT INTO download_episode_daily (tenant_id, bots_included, day_utc, episode_id, podcast_id, downloads)
                        SELECT tenant_id, bots_included, (hour_start AT TIME ZONE 'UTC')::date, episode_id, max(podcast_id::text)::uuid,
                               sum(downloads)
                          FROM download_hourly
                         WHERE tenant_id = $1 AND bots_included IN (false, true) AND hour_start >= ($2::date)::timestamp AT TIME ZONE 'UTC'
                           AND hour_start < ($3::date)::timestamp AT TIME ZONE 'UTC'
                         GROUP BY tenant_id, bots_included, (hour_start AT TIME ZONE 'UTC')::date, episode_id""").execute(days))
                .flatMap(done -> deriveCumulative(tx, tenantId, firstDay))
                .replaceWithVoid();
    }

    /**
     * Rebuilds the per-episode running totals from {@code firstDay} (the first UTC day whose daily totals were just
     * replaced) forward, for every episode: a later day's total depends on every earlier day, and the rows are dense
     * through the tenant's last rolled-up day, so a newly rolled-up day adds a row for each episode. They start again
     * from the day after the last row that remains (earlier than {@code firstDay} when days were skipped, the first
     * daily row when none remains) on the total of that row, so repeated recomputes of any day stay exact.
     */
    private Uni<Void> deriveCumulative(SqlClient tx, UUID tenantId, LocalDate firstDay) {
        return tx.preparedQuery("DELETE FROM download_episode_cumulative WHERE tenant_id = $1 AND bots_included IN (false, true) AND day_utc >= $2")
                .execute(Tuple.of(tenantId, firstDay))
                .flatMap(done -> tx.preparedQuery("""
                        WITH variant AS (
                            SELECT v.bots_included,
                                   COALESCE((SELECT max(c.day_utc) + 1 FROM download_episode_cumulative c
                                              WHERE c.tenant_id = $1 AND c.bots_included = v.bots_included),
                                            (SELECT min(d.day_utc) FROM download_episode_daily d
                                              WHERE d.tenant_id = $1 AND d.bots_included = v.bots_included)) AS fill_from,
                                   (SELECT max(d.day_utc) FROM download_episode_daily d
                                     WHERE d.tenant_id = $1 AND d.bots_included = v.bots_included) AS last_day
                              FROM (VALUES (false), (true)) v(bots_included)),
                        base AS (
                            SELECT c.bots_included, c.episode_id, c.podcast_id, c.downloads_through_day
                              FROM download_episode_cumulative c JOIN variant v ON v.bots_included = c.bots_included AND c.day_utc = v.fill_from - 1
                             WHERE c.tenant_id = $1),
                        changed AS (
                            SELECT d.bots_included, d.episode_id, d.day_utc, d.podcast_id, d.downloads
                              FROM download_episode_daily d JOIN variant v ON v.bots_included = d.bots_included AND d.day_utc >= v.fill_from
                             WHERE d.tenant_id = $1),
                        episode AS (
                            SELECT bots_included, episode_id, min(first_day) AS first_day
                              FROM (SELECT bots_included, episode_id, v.fill_from AS first_day FROM base JOIN variant v USING (bots_included)
                                     UNION ALL
                                    SELECT bots_included, episode_id, min(day_utc) FROM changed GROUP BY bots_included, episode_id) starts
                             GROUP BY bots_included, episode_id),
                        running AS (
                            SELECT e.bots_included, g.day::date AS day_utc, e.episode_id, b.podcast_id AS base_podcast, ch.podcast_id AS changed_podcast,
                                   count(ch.episode_id) OVER through_day AS change,
                                   COALESCE(b.downloads_through_day, 0) + sum(COALESCE(ch.downloads, 0)) OVER through_day AS downloads_through_day
                              FROM episode e
                              JOIN variant v USING (bots_included)
                             CROSS JOIN LATERAL generate_series(e.first_day, v.last_day, interval '1 day') g(day)
                              LEFT JOIN base b ON b.bots_included = e.bots_included AND b.episode_id = e.episode_id
                              LEFT JOIN changed ch ON ch.bots_included = e.bots_included AND ch.episode_id = e.episode_id AND ch.day_utc = g.day::date
                            WINDOW through_day AS (PARTITION BY e.bots_included, e.episode_id ORDER BY g.day))
                        INSERT INTO download_episode_cumulative (tenant_id, bots_included, day_utc, episode_id, podcast_id, downloads_through_day)
                        SELECT $1, bots_included, day_utc, episode_id,
                               CASE WHEN change = 0 THEN base_podcast ELSE (max(changed_podcast::text) OVER since_change)::uuid END,
                               downloads_through_day
                          FROM running
                        WINDOW since_change AS (PARTITION BY bots_included, episode_id, change)""").execute(Tuple.of(tenantId)))
                .replaceWithVoid();
    }

    /** Tenants whose rollups the scheduler keeps fresh (the directory is not tenant-owned: no binding needed). */
    public Uni<List<UUID>> activeTenants(SqlClient client) {
        return client.query("SELECT tenant_id FROM tenant_directory WHERE status = 'ACTIVE' ORDER BY tenant_id").execute()
                .map(rows -> {
                    List<UUID> tenants = new ArrayList<>(rows.size());
                    rows.forEach(row -> tenants.add(row.getUUID("tenant_id")));
                    return tenants;
                });
    }
}
