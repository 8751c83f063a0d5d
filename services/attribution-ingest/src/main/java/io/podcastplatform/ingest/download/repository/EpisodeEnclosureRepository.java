package io.podcastplatform.ingest.download.repository;

import io.podcastplatform.events.catalog.EpisodeChanged;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EpisodeEnclosureRepository {

    /** The episode a download names, by the enclosure URL without scheme. */
    public record KnownEpisode(UUID episodeId, UUID podcastId) {
    }

    /** Only a newer version replaces what is held, so redelivered or reordered events change nothing. */
    private static final String UPSERT = """
            INSERT INTO episode_enclosure AS held (episode_id, tenant_id, podcast_id, enclosure_url, enclosure_key, enclosure_length,
                                                   duration_seconds, deleted, version, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (episode_id) DO UPDATE
               SET podcast_id = EXCLUDED.podcast_id, enclosure_url = EXCLUDED.enclosure_url, enclosure_key = EXCLUDED.enclosure_key,
                   enclosure_length = EXCLUDED.enclosure_length, duration_seconds = EXCLUDED.duration_seconds,
                   deleted = EXCLUDED.deleted, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, received_at = now()
             WHERE held.version < EXCLUDED.version AND held.tenant_id = EXCLUDED.tenant_id""";
    private static final String FIND = """
            SELECT episode_id, podcast_id FROM episode_enclosure WHERE tenant_id = $1 AND enclosure_key = $2 AND NOT deleted
             ORDER BY updated_at DESC LIMIT 1""";

    private final TenantTransactions transactions;

    public EpisodeEnclosureRepository(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Boolean> apply(EpisodeChanged episode) {
        Tuple row = Tuple.tuple().addUUID(episode.id()).addUUID(episode.tenantId()).addUUID(episode.podcastId())
                .addString(episode.enclosureUrl()).addString(enclosureKey(episode.enclosureUrl())).addLong(episode.enclosureLength())
                .addInteger(episode.durationSeconds()).addBoolean(episode.deleted()).addLong(episode.version())
                .addOffsetDateTime(episode.updatedAt());
        return transactions.inTenant(episode.tenantId(), tx -> tx.preparedQuery(UPSERT).execute(row).map(result -> result.rowCount() == 1));
    }

    public Uni<Optional<KnownEpisode>> find(UUID tenantId, String enclosureKey) {
        return transactions.inTenant(tenantId, tx -> tx.preparedQuery(FIND).execute(Tuple.of(tenantId, enclosureKey))
                .map(rows -> rows.size() == 0 ? Optional.<KnownEpisode>empty() : Optional.of(toEpisode(rows.iterator().next()))));
    }

    /** An enclosure URL without its scheme: how the download prefix carries it, and how feeds and prefixes are matched. */
    public static String enclosureKey(String url) {
        int scheme = url.indexOf("://");
        return scheme < 0 ? url : url.substring(scheme + 3);
    }

    private static KnownEpisode toEpisode(Row row) {
        return new KnownEpisode(row.getUUID("episode_id"), row.getUUID("podcast_id"));
    }
}
