package io.podcastplatform.catalog.episode.repository;

import io.podcastplatform.catalog.episode.service.Transcript;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code transcript}: one per episode and language; uploading again replaces it. */
@ApplicationScoped
public class TranscriptRepository {

    private static final String COLUMNS = "id, episode_id, language, status, source, transcript_text, "
            + "transcript_json::text AS transcript_json, word_count, duration_seconds, created_at, updated_at";

    public Uni<Transcript> upsert(SqlClient tx, UUID tenantId, UUID episodeId, String language, String source, String text,
                                  String segmentsJson, int wordCount, Integer durationSeconds) {
        return tx.preparedQuery("""
                        INSERT INTO transcript (id, tenant_id, episode_id, language, source, transcript_text, transcript_json,
                            word_count, duration_seconds)
                        VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9)
                        ON CONFLICT (tenant_id, episode_id, language) DO UPDATE SET source = EXCLUDED.source,
                            transcript_text = EXCLUDED.transcript_text, transcript_json = EXCLUDED.transcript_json,
                            word_count = EXCLUDED.word_count, duration_seconds = EXCLUDED.duration_seconds,
                            status = 'COMPLETED', updated_at = now()
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(tenantId).addUUID(episodeId).addString(language)
                        .addString(source).addString(text).addString(segmentsJson).addInteger(wordCount)
                        .addInteger(durationSeconds))
                .map(rows -> toTranscript(rows.iterator().next()));
    }

    public Uni<List<Transcript>> ofEpisode(SqlClient tx, UUID episodeId) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM transcript WHERE episode_id = $1 ORDER BY language")
                .execute(Tuple.of(episodeId)).map(rows -> {
                    List<Transcript> transcripts = new ArrayList<>();
                    rows.forEach(row -> transcripts.add(toTranscript(row)));
                    return transcripts;
                });
    }

    public Uni<Optional<Transcript>> find(SqlClient tx, UUID episodeId, String language) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM transcript WHERE episode_id = $1 AND language = $2")
                .execute(Tuple.of(episodeId, language))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toTranscript(rows.iterator().next())));
    }

    private static Transcript toTranscript(Row row) {
        return new Transcript(row.getUUID("id"), row.getUUID("episode_id"), row.getString("language"), row.getString("status"),
                row.getString("source"), row.getString("transcript_text"), row.getString("transcript_json"),
                row.getInteger("word_count"), row.getInteger("duration_seconds"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
