package io.podcastplatform.analytics.rollup.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The listen-through rollup, built from the SDK's listener events (ingest's read view) in SQL: sessions per
 * episode, UTC hour of their first event and furthest 5 % step reached, with and without bots.
 * <p>
 * A session is the SDK's {@code session_id}, or without one the listener ({@code user_id}, else
 * {@code anonymous_id}, else the household hash), per episode and UTC day: a session never crosses a UTC midnight,
 * so a day is recomputed from that day's events alone. Its reach is the furthest position over the longest
 * duration reported, or the largest {@code completion_rate}, whichever is further; a Completed event is 100 %.
 * It is completed when it reaches 100 %. Its listening time is the largest {@code listen_duration_seconds}
 * (SDKs report it cumulatively), else its furthest position. A session with a bot event is a bot session.
 */
@ApplicationScoped
public class ListenThroughRepository {

    /** Replaces the rows of the sessions that started in [from, to), which must be whole UTC days. */
    public Uni<Long> replace(SqlClient tx, UUID tenantId, Instant from, Instant to) {
        Tuple period = Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        return tx.preparedQuery("DELETE FROM listen_through_hourly WHERE hour_start >= $1 AND hour_start < $2").execute(period)
                .flatMap(deleted -> tx.preparedQuery("""
                        WITH events AS (
                            SELECT episode_id, podcast_id, occurred_at, event_type, position_seconds, duration_seconds,
                                   listen_duration_seconds, completion_rate, bot,
                                   COALESCE('s:' || session_id, 'l:' || COALESCE(user_id, 'a:' || anonymous_id, 'h:' || household_hash, ''))
                                       || '@' || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS session_key
                              FROM ingest.listener_events_v1
                             WHERE occurred_at >= $1 AND occurred_at < $2 AND episode_id IS NOT NULL
                        ), sessions AS (
                            SELECT episode_id, session_key, min(occurred_at) AS started_at, max(podcast_id::text)::uuid AS podcast_id,
                                   bool_or(bot) AS bot, bool_or(event_type = 'completed') AS completed_event,
                                   max(position_seconds) AS furthest, max(duration_seconds) FILTER (WHERE duration_seconds > 0) AS duration,
                                   max(completion_rate) AS completion_rate, max(listen_duration_seconds) AS listen_seconds
                              FROM events GROUP BY episode_id, session_key
                        ), reached AS (
                            SELECT episode_id, podcast_id, started_at, bot,
                                   CASE WHEN completed_event THEN 1.0
                                        ELSE LEAST(1.0, GREATEST(COALESCE(furthest / duration, 0), COALESCE(completion_rate, 0))) END AS reach,
                                   COALESCE(listen_seconds, furthest, 0) AS listen_seconds
                              FROM sessions
                        )
                        INSERT INTO listen_through_hourly (tenant_id, bots_included, episode_id, hour_start, reached_step, podcast_id,
                                                           sessions, completed, listen_seconds)
                        SELECT $3, variant.bots_included, episode_id, date_trunc('hour', started_at),
                               LEAST(20, floor(reach * 20 + 1e-9))::smallint, max(podcast_id::text)::uuid,
                               count(*), count(*) FILTER (WHERE reach >= 1.0), sum(listen_seconds)
                          FROM reached CROSS JOIN (VALUES (false), (true)) AS variant(bots_included)
                         WHERE variant.bots_included OR NOT bot
                         GROUP BY 2, 3, 4, 5""")
                        .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), tenantId)))
                .map(inserted -> (long) inserted.rowCount());
    }
}
