package io.podcastplatform.catalog.episode.repository;

import io.podcastplatform.catalog.episode.service.Episode;
import io.podcastplatform.catalog.episode.service.EpisodeFilter;
import io.podcastplatform.catalog.feed.service.ParsedEpisode;
import io.podcastplatform.events.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code episode}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class EpisodeRepository {

    static final String COLUMNS = "id, tenant_id, podcast_id, guid, title, description, audio_url, enclosure_length, "
            + "enclosure_type, duration_seconds, publish_date, season_number, episode_number, episode_type, explicit, image_url, "
            + "podcasting20::text AS podcasting20, transcript_status, ad_slots::text AS ad_slots, version, created_at, "
            + "updated_at, deleted_at";

    /** Sort key of the list: newest publication first, episodes without a date last. */
    private static final String SORT_AT = "COALESCE(publish_date, '0001-01-01T00:00:00Z'::timestamptz)";

    /**
     * Inserts new episodes and updates those whose feed fields changed, in one statement; returns exactly
     * the rows it inserted or changed (the ones to publish). Unchanged and user-deleted episodes stay as
     * they are. {@code episodes} must not repeat a guid.
     */
    public Uni<List<Episode>> upsertFromFeed(SqlClient tx, UUID tenantId, UUID podcastId, List<ParsedEpisode> episodes) {
        int size = episodes.size();
        UUID[] ids = new UUID[size];
        String[] guids = new String[size];
        String[] titles = new String[size];
        String[] descriptions = new String[size];
        String[] urls = new String[size];
        Long[] lengths = new Long[size];
        String[] types = new String[size];
        Integer[] durations = new Integer[size];
        OffsetDateTime[] published = new OffsetDateTime[size];
        Integer[] seasons = new Integer[size];
        Integer[] numbers = new Integer[size];
        String[] episodeTypes = new String[size];
        Boolean[] explicit = new Boolean[size];
        String[] images = new String[size];
        String[] podcasting20 = new String[size];
        for (int i = 0; i < size; i++) {
            ParsedEpisode episode = episodes.get(i);
            ids[i] = UUID.randomUUID();
            guids[i] = episode.guid();
            titles[i] = episode.title();
            descriptions[i] = episode.description();
            urls[i] = episode.enclosureUrl();
            lengths[i] = episode.enclosureLength();
            types[i] = episode.enclosureType();
            durations[i] = episode.durationSeconds();
            published[i] = episode.publishedAt();
            seasons[i] = episode.seasonNumber();
            numbers[i] = episode.episodeNumber();
            episodeTypes[i] = episode.episodeType();
            explicit[i] = episode.explicit();
            images[i] = episode.imageUrl();
            podcasting20[i] = new String(EventJson.write(episode.podcasting20()), StandardCharsets.UTF_8);
        }
        Tuple parameters = Tuple.tuple().addArrayOfUUID(ids).addUUID(tenantId).addUUID(podcastId).addArrayOfString(guids)
                .addArrayOfString(titles).addArrayOfString(descriptions).addArrayOfString(urls).addArrayOfLong(lengths)
                .addArrayOfString(types).addArrayOfInteger(durations).addArrayOfOffsetDateTime(published)
                .addArrayOfInteger(seasons).addArrayOfInteger(numbers).addArrayOfString(episodeTypes)
                .addArrayOfBoolean(explicit).addArrayOfString(images).addArrayOfString(podcasting20);
        return tx.preparedQuery("""
                        INSERT INTO episode AS e (id, tenant_id, podcast_id, guid, title, description, audio_url, enclosure_length,
                            enclosure_type, duration_seconds, publish_date, season_number, episode_number, episode_type, explicit,
                            image_url, podcasting20)
                        SELECT u.id, $2, $3, u.guid, u.title, u.description, u.audio_url, u.enclosure_length, u.enclosure_type,
                            u.duration_seconds, u.publish_date, u.season_number, u.episode_number, u.episode_type, u.explicit,
                            u.image_url, u.podcasting20::jsonb
                        FROM unnest($1::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int8[], $9::text[],
                            $10::int4[], $11::timestamptz[], $12::int4[], $13::int4[], $14::text[], $15::bool[], $16::text[],
                            $17::text[])
                            AS u(id, guid, title, description, audio_url, enclosure_length, enclosure_type, duration_seconds,
                                 publish_date, season_number, episode_number, episode_type, explicit, image_url, podcasting20)
                        ON CONFLICT (tenant_id, podcast_id, guid) DO UPDATE SET
                            title = EXCLUDED.title, description = EXCLUDED.description, audio_url = EXCLUDED.audio_url,
                            enclosure_length = EXCLUDED.enclosure_length, enclosure_type = EXCLUDED.enclosure_type,
                            duration_seconds = EXCLUDED.duration_seconds, publish_date = EXCLUDED.publish_date,
                            season_number = EXCLUDED.season_number, episode_number = EXCLUDED.episode_number,
                            episode_type = EXCLUDED.episode_type, explicit = EXCLUDED.explicit, image_url = EXCLUDED.image_url,
                            podcasting20 = EXCLUDED.podcasting20, version = e.version + 1, updated_at = now()
                        WHERE e.deleted_at IS NULL AND (e.title, e.description, e.audio_url, e.enclosure_length,
                                e.enclosure_type, e.duration_seconds, e.publish_date, e.season_number, e.episode_number,
                                e.episode_type, e.explicit, e.image_url, e.podcasting20)
                            IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.audio_url, EXCLUDED.enclosure_length,
                                EXCLUDED.enclosure_type, EXCLUDED.duration_seconds, EXCLUDED.publish_date, EXCLUDED.season_number,
                                EXCLUDED.episode_number, EXCLUDED.episode_type, EXCLUDED.explicit, EXCLUDED.image_url,
                                EXCLUDED.podcasting20)
                        RETURNING\s""" + COLUMNS)
                .execute(parameters)
                .map(EpisodeRepository::list);
    }

    public Uni<Optional<Episode>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM episode WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id)).map(EpisodeRepository::optional);
    }

    /** Newest publication first; {@code after} is the sort time and id of the last episode of the previous page. */
    public Uni<List<Episode>> page(SqlClient tx, EpisodeFilter filter, OffsetDateTime afterAt, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM episode WHERE deleted_at IS NULL");
        Tuple parameters = Tuple.of(limit);
        if (filter.podcastId() != null) {
            parameters.addUUID(filter.podcastId());
            sql.append(" AND podcast_id = $").append(parameters.size());
        }
        if (filter.seasonNumber() != null) {
            parameters.addInteger(filter.seasonNumber());
            sql.append(" AND season_number = $").append(parameters.size());
        }
        if (filter.publishedFrom() != null) {
            parameters.addOffsetDateTime(filter.publishedFrom());
            sql.append(" AND publish_date >= $").append(parameters.size());
        }
        if (filter.publishedTo() != null) {
            parameters.addOffsetDateTime(filter.publishedTo());
            sql.append(" AND publish_date < $").append(parameters.size());
        }
        if (filter.titleContains() != null) {
            parameters.addString("%" + filter.titleContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" AND title ILIKE $").append(parameters.size());
        }
        if (afterAt != null) {
            parameters.addOffsetDateTime(afterAt).addUUID(afterId);
            sql.append(" AND (" + SORT_AT + ", id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(")");
        }
        sql.append(" ORDER BY " + SORT_AT + " DESC, id DESC LIMIT $1");
        return tx.preparedQuery(sql.toString()).execute(parameters).map(EpisodeRepository::list);
    }

    public Uni<Optional<Episode>> update(SqlClient tx, UUID id, String title, String description, String adSlotsJson) {
        return tx.preparedQuery("""
                        UPDATE episode SET title = COALESCE($2, title), description = COALESCE($3, description),
                            ad_slots = COALESCE($4::text::jsonb, ad_slots), version = version + 1, updated_at = now()
                        WHERE id = $1 AND deleted_at IS NULL RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id, title, description, adSlotsJson))
                .map(EpisodeRepository::optional);
    }

    public Uni<Optional<Episode>> markTranscribed(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE episode SET transcript_status = 'AVAILABLE', updated_at = now() "
                        + "WHERE id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id)).map(EpisodeRepository::optional);
    }

    public Uni<Optional<Episode>> softDelete(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE episode SET deleted_at = now(), updated_at = now(), version = version + 1 "
                        + "WHERE id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id)).map(EpisodeRepository::optional);
    }

    public Uni<List<Episode>> softDeleteOfPodcast(SqlClient tx, UUID podcastId) {
        return tx.preparedQuery("UPDATE episode SET deleted_at = now(), updated_at = now(), version = version + 1 "
                        + "WHERE podcast_id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(podcastId)).map(EpisodeRepository::list);
    }

    private static Optional<Episode> optional(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toEpisode(rows.iterator().next()));
    }

    private static List<Episode> list(RowSet<Row> rows) {
        List<Episode> episodes = new ArrayList<>();
        rows.forEach(row -> episodes.add(toEpisode(row)));
        return episodes;
    }

    private static Episode toEpisode(Row row) {
        return new Episode(row.getUUID("id"), row.getUUID("tenant_id"), row.getUUID("podcast_id"), row.getString("guid"),
                row.getString("title"), row.getString("description"), row.getString("audio_url"),
                row.getLong("enclosure_length"), row.getString("enclosure_type"), row.getInteger("duration_seconds"),
                row.getOffsetDateTime("publish_date"), row.getInteger("season_number"), row.getInteger("episode_number"),
                row.getString("episode_type"), row.getBoolean("explicit"), row.getString("image_url"),
                row.getString("podcasting20"), row.getString("transcript_status"), row.getString("ad_slots"),
                row.getLong("version"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
                row.getOffsetDateTime("deleted_at"));
    }
}
