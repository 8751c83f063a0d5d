package io.podcastplatform.analytics.episode.repository;

import io.podcastplatform.events.catalog.EpisodeChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EpisodeCopyRepository {

    /** Only a newer version replaces what is held, so redelivered or reordered events change nothing. */
    private static final String UPSERT = """
            INSERT INTO episode_copy AS held (episode_id, tenant_id, podcast_id, enclosure_length, duration_seconds, deleted, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (episode_id) DO UPDATE
               SET podcast_id = EXCLUDED.podcast_id, enclosure_length = EXCLUDED.enclosure_length,
                   duration_seconds = EXCLUDED.duration_seconds, deleted = EXCLUDED.deleted, version = EXCLUDED.version,
                   received_at = now()
             WHERE held.version < EXCLUDED.version AND held.tenant_id = EXCLUDED.tenant_id""";

    public Uni<Void> apply(SqlClient tx, EpisodeChanged episode) {
        return tx.preparedQuery(UPSERT)
                .execute(Tuple.tuple().addUUID(episode.id()).addUUID(episode.tenantId()).addUUID(episode.podcastId())
                        .addLong(episode.enclosureLength()).addInteger(episode.durationSeconds()).addBoolean(episode.deleted())
                        .addLong(episode.version()))
                .replaceWithVoid();
    }
}
