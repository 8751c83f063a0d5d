package io.podcastplatform.analytics.dashboard.repository;

import io.podcastplatform.analytics.rollup.repository.ListenerSketchRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the download rollup for dashboards, and the tenant's dashboard time zone. */
@ApplicationScoped
public class DashboardRepository {

    /** The union of the stored hourly sketches of a group. */
    private static final String UNION_OF_STORED_SETS = "hll_union_agg(listeners::hll)";
    /** A set of a group's listener rows, built in the query with the parameters of the stored ones. */
    private static final String SET_OF_LISTENER_ROWS = "hll_add_agg(listener::hll_hashval, %d, %d)"
            .formatted(ListenerSketchRepository.LOG2M, ListenerSketchRepository.REGWIDTH);

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
        COUNTRY("country_code", "country"), APP("app_name", "app"), DEVICE("device_type", "device"), PLATFORM("platform", "platform");

        private final String column;
        /** The dimension's name in {@code listener_sketch_dimension_hourly}. */
        private final String sketchName;

        Dimension(String column, String sketchName) {
            this.column = column;
            this.sketchName = sketchName;
        }
    }

    /**
     * The rows of one filter shape (whole tenant, one podcast, one episode, or one episode of one podcast) as its
     * own statement text from parameter {@code $first} on, so every shape gets a plan that uses its key, which a
     * generic {@code ($n IS NULL OR column = $n)} plan cannot.
     */
    private static String scope(int first, UUID podcastId, UUID episodeId) {
        if (episodeId != null) {
            return podcastId == null ? " AND episode_id = $" + first : " AND episode_id = $" + first + " AND podcast_id = $" + (first + 1);
        }
        return podcastId == null ? "" : " AND podcast_id = $" + first;
    }

    /** Adds the parameters {@link #scope} refers to, in its order. */
    private static Tuple scoped(Tuple tuple, UUID podcastId, UUID episodeId) {
        if (episodeId != null) {
            tuple.addUUID(episodeId);
        }
        if (podcastId != null) {
            tuple.addUUID(podcastId);
        }
        return tuple;
    }

    private static String listenerRows(UUID podcastId, UUID episodeId) {
        return """
                FROM download_listener_hourly
                WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $3""" + scope(4, podcastId, episodeId);
    }

    /** Parameter number of the first one after the filter's ($1-$3 and the scope's). */
    private static int afterScope(UUID podcastId, UUID episodeId) {
        return 4 + (podcastId == null ? 0 : 1) + (episodeId == null ? 0 : 1);
    }

    /**
     * Unique listeners and downloads of [from, to) per bucket of {@code unit} in {@code timeZone}, and over the
     * whole period, counted distinct at query time over the per-hour listener rows: exact for any bucket.
     */
    public Uni<ListenerCounts> listeners(SqlClient tx, String unit, String timeZone, Instant from, Instant to, boolean botsIncluded,
                                         UUID podcastId, UUID episodeId) {
        return listenerCounts(tx, """
                        SELECT bucket, GROUPING(bucket) AS whole_period, count(DISTINCT listener) AS listeners, sum(downloads)::bigint AS downloads
                          FROM (SELECT date_trunc($%d, hour_start AT TIME ZONE $%d) AS bucket, listener, downloads %s) rows
                         GROUP BY GROUPING SETS ((bucket), ()) ORDER BY whole_period, bucket"""
                        .formatted(afterScope(podcastId, episodeId), afterScope(podcastId, episodeId) + 1, listenerRows(podcastId, episodeId)),
                filter(from, to, botsIncluded, podcastId, episodeId).addString(unit).addString(timeZone));
    }

    /**
     * The same counts from the hourly HyperLogLog sketches of the tenant, the podcast or the episode: the union of
     * a bucket's (or the period's) hours, estimated (exact while a set holds fewer than about 1,280 listeners).
     */
    public Uni<ListenerCounts> listenersFromSketches(SqlClient tx, String unit, String timeZone, Instant from, Instant to, boolean botsIncluded,
                                                     UUID podcastId, UUID episodeId) {
        String table = episodeId != null ? "listener_sketch_episode_hourly" : podcastId != null ? "listener_sketch_podcast_hourly"
                : "listener_sketch_tenant_hourly";
        String rows = """
                FROM %s
                WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $3""".formatted(table) + scope(4, podcastId, episodeId);
        String bucket = "date_trunc($%d, hour_start AT TIME ZONE $%d)".formatted(afterScope(podcastId, episodeId), afterScope(podcastId, episodeId) + 1);
        return listenerCounts(tx, setsOfGroups(bucket, "bucket", UNION_OF_STORED_SETS, rows, "bucket"),
                filter(from, to, botsIncluded, podcastId, episodeId).addString(unit).addString(timeZone));
    }

    /**
     * Each group's set and downloads, then the whole period's as the union of the groups' sets (each stored set is
     * read and merged once, not once per grouping), as rows (group, whole_period 0, listeners, downloads) and one row
     * (NULL, 1, listeners, downloads) ordered by whole_period, {@code order}.
     */
    private static String setsOfGroups(String groupExpression, String groupName, String setOfRows, String rowsClause, String order) {
        return """
                WITH groups AS (SELECT %s AS %s, %s AS listeners, sum(downloads)::bigint AS downloads %s GROUP BY 1)
                SELECT %s, 0 AS whole_period, COALESCE(round(hll_cardinality(listeners)), 0)::bigint AS listeners, downloads FROM groups
                 UNION ALL
                SELECT NULL, 1, COALESCE(round(hll_cardinality(hll_union_agg(listeners))), 0)::bigint, sum(downloads)::bigint FROM groups
                 ORDER BY whole_period, %s""".formatted(groupExpression, groupName, setOfRows, rowsClause, groupName, order);
    }

    private Uni<ListenerCounts> listenerCounts(SqlClient tx, String sql, Tuple parameters) {
        return tx.preparedQuery(sql).execute(parameters)
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

    /**
     * Downloads and unique listeners of [from, to) per value of {@code by} (missing: "unknown"), most downloads first,
     * from the listener rows: counted distinct, or with {@code estimated} sketched on the fly (a hash per row instead of
     * a sort of the rows, with the error of the stored sketches).
     */
    public Uni<BreakdownCounts> breakdown(SqlClient tx, Dimension by, Instant from, Instant to, boolean botsIncluded, UUID podcastId,
                                          UUID episodeId, boolean estimated) {
        String value = "COALESCE(%s, 'unknown')".formatted(by.column);
        String sql = estimated ? setsOfGroups(value, "value", SET_OF_LISTENER_ROWS, listenerRows(podcastId, episodeId), "downloads DESC, value")
                : """
                        SELECT value, GROUPING(value) AS whole_period, count(DISTINCT listener) AS listeners, sum(downloads)::bigint AS downloads
                          FROM (SELECT %s AS value, listener, downloads %s) rows
                         GROUP BY GROUPING SETS ((value), ()) ORDER BY whole_period, downloads DESC, value"""
                        .formatted(value, listenerRows(podcastId, episodeId));
        return breakdownCounts(tx, sql, filter(from, to, botsIncluded, podcastId, episodeId));
    }

    /**
     * The whole tenant's breakdown from the hourly sketches of each value of {@code by}; the period's listeners are the
     * union of every value's sets.
     */
    public Uni<BreakdownCounts> breakdownFromSketches(SqlClient tx, Dimension by, Instant from, Instant to, boolean botsIncluded) {
        return breakdownCounts(tx, setsOfGroups("value", "value", UNION_OF_STORED_SETS, """
                        FROM listener_sketch_dimension_hourly
                        WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $3 AND dimension = $4""", "downloads DESC, value"),
                filter(from, to, botsIncluded, null, null).addString(by.sketchName));
    }

    private static Uni<BreakdownCounts> breakdownCounts(SqlClient tx, String sql, Tuple parameters) {
        return tx.preparedQuery(sql).execute(parameters)
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
                         WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $3%s
                         GROUP BY reached_step ORDER BY reached_step""".formatted(scope(4, podcastId, episodeId)))
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
        return scoped(Tuple.tuple().addBoolean(botsIncluded).addOffsetDateTime(from.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(to.atOffset(ZoneOffset.UTC)), podcastId, episodeId);
    }

    /**
     * The {@code limit} episodes with the most downloads in [from, to), most first (ties by episode id, so stable),
     * with the podcast of each one's latest hour in the period: the whole UTC days inside the period from the
     * per-episode running daily totals (through the last day minus through the day before the first), and only
     * when the period does not start and end at UTC midnights (a zone off UTC),
     * the hours before the first and after the last whole day from the hourly rows.
     */
    public Uni<List<EpisodeDownloads>> topEpisodes(SqlClient tx, Instant from, Instant to, boolean botsIncluded, int limit) {
        Instant firstWholeDay = from.truncatedTo(ChronoUnit.DAYS).equals(from) ? from : from.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        Instant endOfWholeDays = to.truncatedTo(ChronoUnit.DAYS);
        if (!firstWholeDay.isBefore(endOfWholeDays)) {
            firstWholeDay = to;
            endOfWholeDays = to;
        }
        Tuple period = Tuple.tuple().addBoolean(botsIncluded).addOffsetDateTime(from.atOffset(ZoneOffset.UTC)).addOffsetDateTime(to.atOffset(ZoneOffset.UTC))
                .addInteger(limit).addLocalDate(LocalDate.ofInstant(firstWholeDay, ZoneOffset.UTC))
                .addLocalDate(LocalDate.ofInstant(endOfWholeDays, ZoneOffset.UTC));
        // dense running totals: every episode with downloads by the last rolled-up day of the period has a row on that day
        String rows = """
                SELECT through_last.episode_id, through_last.downloads_through_day - COALESCE(before_first.downloads_through_day, 0) AS downloads
                  FROM download_episode_cumulative through_last
                  LEFT JOIN download_episode_cumulative before_first
                    ON before_first.bots_included = $1 AND before_first.day_utc = $5::date - 1 AND before_first.episode_id = through_last.episode_id
                 WHERE through_last.bots_included = $1 AND through_last.day_utc >= $5
                   AND through_last.day_utc = (SELECT max(day_utc) FROM download_episode_cumulative WHERE bots_included = $1 AND day_utc < $6)
                   AND through_last.downloads_through_day > COALESCE(before_first.downloads_through_day, 0)""";
        if (!firstWholeDay.equals(from) || !endOfWholeDays.equals(to)) {
            period.addOffsetDateTime(firstWholeDay.atOffset(ZoneOffset.UTC)).addOffsetDateTime(endOfWholeDays.atOffset(ZoneOffset.UTC));
            rows = "(" + rows + """
                     UNION ALL
                    SELECT episode_id, downloads FROM download_hourly WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $7
                     UNION ALL
                    SELECT episode_id, downloads FROM download_hourly WHERE bots_included = $1 AND hour_start >= $8 AND hour_start < $3)""";
        } else {
            rows = "(" + rows + ")";
        }
        return tx.preparedQuery("""
                        SELECT top.episode_id, latest.podcast_id, top.downloads
                          FROM (SELECT episode_id, sum(downloads)::bigint AS downloads FROM %s rows
                                 GROUP BY episode_id ORDER BY downloads DESC, episode_id LIMIT $4) top
                          LEFT JOIN LATERAL (SELECT podcast_id FROM download_hourly h
                                              WHERE h.bots_included = $1 AND h.episode_id = top.episode_id AND h.hour_start >= $2 AND h.hour_start < $3
                                              ORDER BY h.hour_start DESC LIMIT 1) latest ON true
                         ORDER BY top.downloads DESC, top.episode_id""".formatted(rows))
                .execute(period)
                .map(found -> {
                    List<EpisodeDownloads> top = new ArrayList<>(found.size());
                    for (Row row : found) {
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
     * {@code timeZone}; optionally one podcast or one episode, each from the finest rollup that answers it (the
     * tenant's or the podcast's hourly totals, the episode's hourly rows), all derived from the same hours.
     */
    public Uni<List<Bucket>> downloads(SqlClient tx, String unit, String timeZone, Instant from, Instant to, boolean botsIncluded,
                                       UUID podcastId, UUID episodeId) {
        String table = episodeId != null ? "download_hourly" : podcastId != null ? "download_podcast_hourly" : "download_tenant_hourly";
        return tx.preparedQuery("""
                        SELECT date_trunc($4, hour_start AT TIME ZONE $5) AS bucket, sum(downloads)::bigint AS downloads
                          FROM %s
                         WHERE bots_included = $1 AND hour_start >= $2 AND hour_start < $3%s
                         GROUP BY 1 ORDER BY 1""".formatted(table, scope(6, podcastId, episodeId)))
                .execute(scoped(Tuple.tuple().addBoolean(botsIncluded).addOffsetDateTime(from.atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(to.atOffset(ZoneOffset.UTC)).addString(unit).addString(timeZone), podcastId, episodeId))
                .map(rows -> {
                    List<Bucket> buckets = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        buckets.add(new Bucket(row.getLocalDateTime("bucket"), row.getLong("downloads")));
                    }
                    return buckets;
                });
    }
}
