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
