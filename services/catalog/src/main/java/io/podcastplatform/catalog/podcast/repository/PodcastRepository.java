package io.podcastplatform.catalog.podcast.repository;

import io.podcastplatform.catalog.feed.service.ParsedFeed;
import io.podcastplatform.catalog.podcast.service.Podcast;
import io.podcastplatform.catalog.podcast.service.PodcastChanges;
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

/** SQL of {@code podcast}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class PodcastRepository {

    private static final String COLUMNS = "id, tenant_id, created_by, title, description, feed_url, website_url, image_url, "
            + "author, language, podcasting20::text AS podcasting20, ingestion_status, last_ingested_at, last_import_attempt_at, "
            + "last_import_error, feed_etag, feed_last_modified, version, created_at, updated_at, deleted_at";

    /** A podcast whose feed is due for re-import. */
    public record Due(UUID tenantId, UUID id) {
    }

    public Uni<Podcast> insert(SqlClient tx, UUID id, UUID tenantId, String createdBy, PodcastChanges fields) {
        return tx.preparedQuery("""
                        INSERT INTO podcast (id, tenant_id, created_by, title, description, feed_url, website_url, image_url)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addUUID(tenantId).addString(createdBy).addString(fields.title())
                        .addString(fields.description()).addString(fields.feedUrl()).addString(fields.websiteUrl())
                        .addString(fields.imageUrl()))
                .map(rows -> toPodcast(rows.iterator().next()));
    }

    public Uni<Optional<Podcast>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM podcast WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id)).map(PodcastRepository::optional);
    }

    /** Newest first. */
    public Uni<List<Podcast>> page(SqlClient tx, OffsetDateTime beforeCreatedAt, UUID beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM podcast WHERE deleted_at IS NULL"
                + (beforeCreatedAt == null ? "" : " AND (created_at, id) < ($2, $3)")
                + " ORDER BY created_at DESC, id DESC LIMIT $1";
        Tuple parameters = beforeCreatedAt == null ? Tuple.of(limit) : Tuple.of(limit, beforeCreatedAt, beforeId);
        return tx.preparedQuery(sql).execute(parameters).map(PodcastRepository::list);
    }

    /** Applies the non-null fields; empty when there is no such live podcast. */
    public Uni<Optional<Podcast>> update(SqlClient tx, UUID id, PodcastChanges changes) {
        return tx.preparedQuery("""
                        UPDATE podcast SET title = COALESCE($2, title), description = COALESCE($3, description),
                            feed_url = COALESCE($4, feed_url), website_url = COALESCE($5, website_url),
                            image_url = COALESCE($6, image_url), version = version + 1, updated_at = now(),
                            feed_etag = CASE WHEN $4 IS NULL OR $4 = feed_url THEN feed_etag END,
                            feed_last_modified = CASE WHEN $4 IS NULL OR $4 = feed_url THEN feed_last_modified END
                        WHERE id = $1 AND deleted_at IS NULL RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addString(changes.title()).addString(changes.description())
                        .addString(changes.feedUrl()).addString(changes.websiteUrl()).addString(changes.imageUrl()))
                .map(PodcastRepository::optional);
    }

    public Uni<Optional<Podcast>> softDelete(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE podcast SET deleted_at = now(), updated_at = now(), version = version + 1 "
                        + "WHERE id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id)).map(PodcastRepository::optional);
    }

    /** Marks an import as started, so the scheduler leaves the podcast alone meanwhile. */
    public Uni<Optional<Podcast>> startImport(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE podcast SET ingestion_status = 'IMPORTING', last_import_attempt_at = now() "
                        + "WHERE id = $1 AND deleted_at IS NULL AND feed_url IS NOT NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id)).map(PodcastRepository::optional);
    }

    /**
     * Records a successful import and the show's fields from the feed. The version moves (and the caller
     * publishes) only when what {@code catalog.podcast.v1} carries changed.
     */
    public Uni<Optional<ImportedPodcast>> recordImport(SqlClient tx, UUID id, ParsedFeed feed, String etag, String lastModified) {
        return tx.preparedQuery("""
                        WITH before AS (SELECT version FROM podcast WHERE id = $1 FOR UPDATE)
                        UPDATE podcast p SET title = $2, description = $3, website_url = COALESCE($4, p.website_url),
                            image_url = COALESCE($5, p.image_url), author = $6, language = $7, podcasting20 = $8::text::jsonb,
                            ingestion_status = 'SUCCEEDED', last_ingested_at = now(), last_import_error = NULL,
                            feed_etag = $9, feed_last_modified = $10, updated_at = now(),
                            version = p.version + CASE WHEN (p.title, p.website_url, p.image_url)
                                IS DISTINCT FROM ($2, COALESCE($4, p.website_url), COALESCE($5, p.image_url)) THEN 1 ELSE 0 END
                        FROM before WHERE p.id = $1 AND p.deleted_at IS NULL
                        RETURNING p.version <> before.version AS changed,\s""" + prefixed(COLUMNS))
                .execute(Tuple.tuple().addUUID(id).addString(feed.title()).addString(feed.description())
                        .addString(feed.websiteUrl()).addString(feed.imageUrl()).addString(feed.author())
                        .addString(feed.language())
                        .addString(new String(EventJson.write(feed.podcasting20()), StandardCharsets.UTF_8))
                        .addString(etag).addString(lastModified))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new ImportedPodcast(
                        toPodcast(rows.iterator().next()), rows.iterator().next().getBoolean("changed"))));
    }

    /** A podcast after an import, and whether its published fields changed. */
    public record ImportedPodcast(Podcast podcast, boolean changed) {
    }

    public Uni<Optional<Podcast>> recordNotModified(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE podcast SET ingestion_status = 'SUCCEEDED', last_ingested_at = now(), "
                        + "last_import_error = NULL WHERE id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id)).map(PodcastRepository::optional);
    }

    public Uni<Optional<Podcast>> recordFailure(SqlClient tx, UUID id, String error) {
        return tx.preparedQuery("UPDATE podcast SET ingestion_status = 'FAILED', last_import_attempt_at = now(), "
                        + "last_import_error = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id, error.length() > 2000 ? error.substring(0, 2000) : error))
                .map(PodcastRepository::optional);
    }

    /** Across tenants (platform scope): feeds whose last attempt is older than {@code before}, oldest first. */
    public Uni<List<Due>> dueForImport(SqlClient platformTx, OffsetDateTime before, int limit) {
        return platformTx.preparedQuery("""
                        SELECT tenant_id, id FROM podcast
                        WHERE feed_url IS NOT NULL AND deleted_at IS NULL
                          AND (last_import_attempt_at IS NULL OR last_import_attempt_at < $1)
                        ORDER BY last_import_attempt_at NULLS FIRST LIMIT $2""")
                .execute(Tuple.of(before, limit))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getUUID("tenant_id"), row.getUUID("id"))));
                    return due;
                });
    }

    private static String prefixed(String columns) {
        return "p." + columns.replace(", ", ", p.");
    }

    private static Optional<Podcast> optional(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toPodcast(rows.iterator().next()));
    }

    private static List<Podcast> list(RowSet<Row> rows) {
        List<Podcast> podcasts = new ArrayList<>();
        rows.forEach(row -> podcasts.add(toPodcast(row)));
        return podcasts;
    }

    private static Podcast toPodcast(Row row) {
        return new Podcast(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("created_by"), row.getString("title"),
                row.getString("description"), row.getString("feed_url"), row.getString("website_url"),
                row.getString("image_url"), row.getString("author"), row.getString("language"), row.getString("podcasting20"),
                row.getString("ingestion_status"), row.getOffsetDateTime("last_ingested_at"),
                row.getOffsetDateTime("last_import_attempt_at"), row.getString("last_import_error"), row.getString("feed_etag"),
                row.getString("feed_last_modified"), row.getLong("version"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getOffsetDateTime("deleted_at"));
    }
}
