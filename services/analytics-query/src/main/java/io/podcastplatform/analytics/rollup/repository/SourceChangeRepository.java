package io.podcastplatform.analytics.rollup.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds the hours whose raw rows changed since the rollups were last computed: ingest's read views expose no
 * insertion order for download requests, so the refresher compares each hour's row count in the view with the
 * count it recorded when it last recomputed that hour. Ingest only ever adds rows (a redelivery is the same row),
 * and retention only removes whole old days, so a different count is exactly "something changed".
 */
@ApplicationScoped
public class SourceChangeRepository {

    public enum Source { DOWNLOAD, LISTENER }

    /** An hour whose raw row count differs from the recorded one (0 rows now: {@code rows} is 0). */
    public record ChangedHour(Source source, Instant hourStart, long rows) {
    }

    /** Hours of [from, to) whose row counts differ, for both sources, in one statement (one index range scan each). */
    public Uni<List<ChangedHour>> changedHours(SqlClient tx, Instant from, Instant to) {
        return tx.preparedQuery("""
                        WITH probed AS (
                            SELECT 'download' AS source, date_trunc('hour', occurred_at) AS hour_start, count(*) AS source_rows
                              FROM ingest.download_requests_v1 WHERE occurred_at >= $1 AND occurred_at < $2 GROUP BY 2
                            UNION ALL
                            SELECT 'listener', date_trunc('hour', occurred_at), count(*)
                              FROM ingest.listener_events_v1 WHERE occurred_at >= $1 AND occurred_at < $2 GROUP BY 2
                        ), recorded AS (
                            SELECT source, hour_start, source_rows FROM rollup_source_hour WHERE hour_start >= $1 AND hour_start < $2
                        )
                        SELECT source, hour_start, COALESCE(probed.source_rows, 0) AS source_rows
                          FROM probed FULL JOIN recorded USING (source, hour_start)
                         WHERE COALESCE(probed.source_rows, 0) <> COALESCE(recorded.source_rows, 0)
                         ORDER BY source, hour_start""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<ChangedHour> changed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        changed.add(new ChangedHour(Source.valueOf(row.getString("source").toUpperCase(java.util.Locale.ROOT)),
                                row.getOffsetDateTime("hour_start").toInstant(), row.getLong("source_rows")));
                    }
                    return changed;
                });
    }

    /** Records the counts the rollups of these hours were just computed from (in the recompute's transaction). */
    public Uni<Void> record(SqlClient tx, UUID tenantId, List<ChangedHour> hours) {
        if (hours.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = hours.stream().map(hour -> Tuple.of(tenantId, hour.source().name().toLowerCase(java.util.Locale.ROOT),
                hour.hourStart().atOffset(ZoneOffset.UTC), hour.rows())).toList();
        return tx.preparedQuery("""
                        INSERT INTO rollup_source_hour (tenant_id, source, hour_start, source_rows) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (tenant_id, source, hour_start) DO UPDATE SET source_rows = EXCLUDED.source_rows""")
                .executeBatch(batch).replaceWithVoid();
    }
}
