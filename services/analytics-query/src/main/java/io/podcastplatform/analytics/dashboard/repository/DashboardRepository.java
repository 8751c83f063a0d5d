package io.podcastplatform.analytics.dashboard.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the download rollup for dashboards, and the tenant's dashboard time zone. */
@ApplicationScoped
public class DashboardRepository {

    public record Bucket(LocalDateTime start, long downloads) {
    }

    public record EpisodeDownloads(UUID episodeId, UUID podcastId, long downloads) {
    }

    public record ListenerBucket(LocalDateTime start, long uniqueListeners, long downloads) {
    }

    /** Listeners of a bucket, and of the whole period (distinct counts do not add up, so it is counted on its own). */
    public record ListenerCounts(long uniqueListeners, long downloads, List<ListenerBucket> buckets) {
    }

    public record BreakdownRow(String value, long downloads, long uniqueListeners) {
    }

    public record BreakdownCounts(long uniqueListeners, long downloads, List<BreakdownRow> rows) {
    }

    /** Sessions whose furthest point was the 5 % step {@code reachedStep} (0-20). */
    public record ReachedStep(int reachedStep, long sessions, long completed, double listenSeconds) {
    }

    /** The columns a breakdown can group by, named here so no request text reaches the SQL. */
    public enum Dimension {
        COUNTRY("country_code"), APP("app_name"), DEVICE("device_type"), PLATFORM("platform");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    private static final String LISTENER_FILTER = """
            FROM download_listener_hourly
            WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $3
              AND ($4::uuid IS NULL OR podcast_id = $4) AND ($5::uuid IS NULL OR episode_id = $5)""";

    /**
     * Unique listeners and downloads of [from, to) per bucket of {@code unit} in {@code timeZone}, and over the
     * whole period, counted distinct at query time over the per-hour listener rows: exact for any bucket.
     */
    public Uni<ListenerCounts> listeners(SqlClient tx, String unit, String timeZone, Instant from, Instant to, boolean botsIncluded,
                                         UUID podcastId, UUID episodeId) {
        return tx.preparedQuery("""
                        SELECT bucket, GROUPING(bucket) AS whole_period, count(DISTINCT listener) AS listeners, sum(downloads)::bigint AS downloads
                          FROM (SELECT date_trunc($6, hour_start AT TIME ZONE $7) AS bucket, listener, downloads %s) rows
                         GROUP BY GROUPING SETS ((bucket), ()) ORDER BY whole_period, bucket""".formatted(LISTENER_FILTER))
                .execute(filter(from, to, botsIncluded, podcastId, episodeId).addString(unit).addString(timeZone))
                .map(rows -> {
                    List<ListenerBucket> buckets = new ArrayList<>(rows.size());
                    long listeners = 0;
                    long downloads = 0;
                    for (Row row : rows) {
                        if (row.getInteger("whole_period") == 1) {
                            listeners = row.getLong("listeners");
                            downloads = row.getLong("downloads") == null ? 0 : row.getLong("downloads");
                        } else {
                            buckets.add(new ListenerBucket(row.getLocalDateTime("bucket"), row.getLong("listeners"), row.getLong("downloads")));
                        }
                    }
                    return new ListenerCounts(listeners, downloads, buckets);
                });
    }

    /** Downloads and unique listeners of [from, to) per value of {@code by} (missing: "unknown"), most downloads first. */
    public Uni<BreakdownCounts> breakdown(SqlClient tx, Dimension by, Instant from, Instant to, boolean botsIncluded, UUID podcastId,
                                          UUID episodeId) {
        return tx.preparedQuery("""
                        SELECT value, GROUPING(value) AS whole_period, count(DISTINCT listener) AS listeners, sum(downloads)::bigint AS downloads
                          FROM (SELECT COALESCE(%s, 'unknown') AS value, listener, downloads %s) rows
                         GROUP BY GROUPING SETS ((value), ()) ORDER BY whole_period, downloads DESC, value""".formatted(by.column, LISTENER_FILTER))
                .execute(filter(from, to, botsIncluded, podcastId, episodeId))
                .map(rows -> {
                    List<BreakdownRow> found = new ArrayList<>(rows.size());
                    long listeners = 0;
                    long downloads = 0;
                    for (Row row : rows) {
                        if (row.getInteger("whole_period") == 1) {
                            listeners = row.getLong("listeners");
                            downloads = row.getLong("downloads") == null ? 0 : row.getLong("downloads");
                        } else {
                            found.add(new BreakdownRow(row.getString("value"), row.getLong("downloads"), row.getLong("listeners")));
                        }
                    }
                    return new BreakdownCounts(listeners, downloads, found);
                });
    }

    /** Sessions that started in [from, to), per furthest 5 % step reached. */
    public Uni<List<ReachedStep>> listenThrough(SqlClient tx, Instant from, Instant to, boolean botsIncluded, UUID podcastId, UUID episodeId) {
        return tx.preparedQuery("""
                        SELECT reached_step, sum(sessions)::bigint AS sessions, sum(completed)::bigint AS completed, sum(listen_seconds) AS listen_seconds
                          FROM listen_through_hourly
                         WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $3
                           AND ($4::uuid IS NULL OR podcast_id = $4) AND ($5::uuid IS NULL OR episode_id = $5)
                         GROUP BY reached_step ORDER BY reached_step""")
                .execute(filter(from, to, botsIncluded, podcastId, episodeId))
                .map(rows -> {
                    List<ReachedStep> steps = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        steps.add(new ReachedStep(row.getInteger("reached_step"), row.getLong("sessions"), row.getLong("completed"),
                                row.getDouble("listen_seconds")));
                    }
                    return steps;
                });
    }

    private static Tuple filter(Instant from, Instant to, boolean botsIncluded, UUID podcastId, UUID episodeId) {
        return Tuple.tuple().addBoolean(botsIncluded).addOffsetDateTime(from.atOffset(ZoneOffset.UTC)).addOffsetDateTime(to.atOffset(ZoneOffset.UTC))
                .addUUID(podcastId).addUUID(episodeId);
    }

    /** The {@code limit} episodes with the most downloads in [from, to), most first (ties by episode id, so stable). */
    public Uni<List<EpisodeDownloads>> topEpisodes(SqlClient tx, Instant from, Instant to, boolean botsIncluded, int limit) {
        return tx.preparedQuery("""
                        SELECT episode_id, max(podcast_id::text)::uuid AS podcast_id, sum(downloads)::bigint AS downloads
                          FROM download_hourly
                         WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $3
                         GROUP BY episode_id ORDER BY downloads DESC, episode_id LIMIT $4""")
                .execute(Tuple.of(botsIncluded, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<EpisodeDownloads> top = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        top.add(new EpisodeDownloads(row.getUUID("episode_id"), row.getUUID("podcast_id"), row.getLong("downloads")));
                    }
                    return top;
                });
    }

    public Uni<Optional<String>> timeZone(SqlClient tx) {
        return tx.query("SELECT time_zone FROM dashboard_setting").execute()
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("time_zone")));
    }

    public Uni<Void> setTimeZone(SqlClient tx, UUID tenantId, String timeZone, String updatedBy) {
        return tx.preparedQuery("""
                        INSERT INTO dashboard_setting (tenant_id, time_zone, updated_by) VALUES ($1, $2, $3)
                        ON CONFLICT (tenant_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .execute(Tuple.of(tenantId, timeZone, updatedBy)).replaceWithVoid();
    }

    /**
     * Downloads of [from, to) in buckets of {@code unit} (hour, day, week or month) starting at local times of
     * {@code timeZone}; optionally one podcast or one episode.
     */
    public Uni<List<Bucket>> downloads(SqlClient tx, String unit, String timeZone, Instant from, Instant to, boolean botsIncluded,
                                       UUID podcastId, UUID episodeId) {
        return tx.preparedQuery("""
                        SELECT date_trunc($1, hour_start AT TIME ZONE $2) AS bucket, sum(downloads)::bigint AS downloads
                          FROM download_hourly
                         WHERE bots_included = $3 AND hour_start >= $4 AND hour_start < $5
                           AND ($6::uuid IS NULL OR podcast_id = $6) AND ($7::uuid IS NULL OR episode_id = $7)
                         GROUP BY 1 ORDER BY 1""")
                .execute(Tuple.from(List.of(unit, timeZone, botsIncluded, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                        .addUUID(podcastId).addUUID(episodeId))
                .map(rows -> {
                    List<Bucket> buckets = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        buckets.add(new Bucket(row.getLocalDateTime("bucket"), row.getLong("downloads")));
                    }
                    return buckets;
                });
    }
}
