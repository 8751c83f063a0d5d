package io.podcastplatform.catalog.content.repository;

import io.podcastplatform.catalog.content.service.Content;
import io.podcastplatform.catalog.content.service.Series;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code content} and {@code content_series}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class ContentRepository {

    private static final String CONTENT = "id, tenant_id, creator_id, title, slug, description, content_type, media_url, "
            + "media_duration_seconds, thumbnail_url, content_body, category, tags, series_id, visibility, price, status, "
            + "published_at, view_count, purchase_count, prerequisite_content_ids, version, created_at, updated_at";
    private static final String SERIES = "id, tenant_id, creator_id, title, slug, description, thumbnail_url, price, content_order, "
            + "status, published_at, version, created_at, updated_at";

    /** Inserts a new row or, when it exists, replaces its editable fields (the service merged them). */
    public Uni<Content> save(SqlClient tx, Content c, boolean create) {
        String sql = create ? """
                INSERT INTO content (id, tenant_id, creator_id, title, slug, description, content_type, media_url,
                    media_duration_seconds, thumbnail_url, content_body, category, tags, series_id, visibility, price, status,
                    published_at, prerequisite_content_ids)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                    CASE WHEN $17 = 'published' THEN now() END, $18)
                RETURNING\s""" + CONTENT : """
                UPDATE content SET title = $4, slug = $5, description = $6, content_type = $7, media_url = $8,
                    media_duration_seconds = $9, thumbnail_url = $10, content_body = $11, category = $12, tags = $13,
                    series_id = $14, visibility = $15, price = $16, status = $17,
                    published_at = CASE WHEN $17 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END,
                    prerequisite_content_ids = $18, version = version + 1, updated_at = now()
                WHERE id = $1 AND tenant_id = $2 AND $3::text IS NOT NULL AND deleted_at IS NULL
                RETURNING\s""" + CONTENT;
        Tuple row = Tuple.tuple().addUUID(c.id()).addUUID(c.tenantId()).addString(c.creatorId()).addString(c.title())
                .addString(c.slug()).addString(c.description()).addString(c.contentType()).addString(c.mediaUrl())
                .addInteger(c.mediaDurationSeconds()).addString(c.thumbnailUrl()).addString(c.body()).addString(c.category())
                .addArrayOfString(c.tags().toArray(String[]::new)).addUUID(c.seriesId()).addString(c.visibility())
                .addValue(c.price()).addString(c.status()).addArrayOfUUID(c.prerequisiteContentIds().toArray(UUID[]::new));
        return tx.preparedQuery(sql).execute(row).map(rows -> toContent(rows.iterator().next()));
    }

    public Uni<Optional<Content>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + CONTENT + " FROM content WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id)).map(rows -> first(rows).map(ContentRepository::toContent));
    }

    public Uni<List<Content>> page(SqlClient tx, String type, String status, UUID seriesId, OffsetDateTime beforeAt, UUID beforeId,
                                   int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + CONTENT + " FROM content WHERE deleted_at IS NULL");
        Tuple parameters = Tuple.of(limit);
        if (type != null) {
            parameters.addString(type);
            sql.append(" AND content_type = $").append(parameters.size());
        }
        if (status != null) {
            parameters.addString(status);
            sql.append(" AND status = $").append(parameters.size());
        }
        if (seriesId != null) {
            parameters.addUUID(seriesId);
            sql.append(" AND series_id = $").append(parameters.size());
        }
        if (beforeAt != null) {
            parameters.addOffsetDateTime(beforeAt).addUUID(beforeId);
            sql.append(" AND (created_at, id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(")");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT $1");
        return tx.preparedQuery(sql.toString()).execute(parameters).map(rows -> {
            List<Content> found = new ArrayList<>();
            rows.forEach(r -> found.add(toContent(r)));
            return found;
        });
    }

    public Uni<Boolean> softDeleteContent(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE content SET deleted_at = now(), updated_at = now(), version = version + 1 "
                + "WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Series> saveSeries(SqlClient tx, Series s, boolean create) {
        String sql = create ? """
                INSERT INTO content_series (id, tenant_id, creator_id, title, slug, description, thumbnail_url, price,
                    content_order, status, published_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10 = 'published' THEN now() END)
                RETURNING\s""" + SERIES : """
                UPDATE content_series SET title = $4, slug = $5, description = $6, thumbnail_url = $7, price = $8,
                    content_order = $9, status = $10,
                    published_at = CASE WHEN $10 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END,
                    version = version + 1, updated_at = now()
                WHERE id = $1 AND tenant_id = $2 AND $3::text IS NOT NULL AND deleted_at IS NULL
                RETURNING\s""" + SERIES;
        Tuple row = Tuple.tuple().addUUID(s.id()).addUUID(s.tenantId()).addString(s.creatorId()).addString(s.title())
                .addString(s.slug()).addString(s.description()).addString(s.thumbnailUrl()).addValue(s.price())
                .addArrayOfUUID(s.contentOrder().toArray(UUID[]::new)).addString(s.status());
        return tx.preparedQuery(sql).execute(row).map(rows -> toSeries(rows.iterator().next()));
    }

    public Uni<Optional<Series>> findSeries(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + SERIES + " FROM content_series WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id)).map(rows -> first(rows).map(ContentRepository::toSeries));
    }

    public Uni<List<Series>> seriesPage(SqlClient tx, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        String sql = "SELECT " + SERIES + " FROM content_series WHERE deleted_at IS NULL"
                + (beforeAt == null ? "" : " AND (created_at, id) < ($2, $3)") + " ORDER BY created_at DESC, id DESC LIMIT $1";
        return tx.preparedQuery(sql).execute(beforeAt == null ? Tuple.of(limit) : Tuple.of(limit, beforeAt, beforeId)).map(rows -> {
            List<Series> found = new ArrayList<>();
            rows.forEach(r -> found.add(toSeries(r)));
            return found;
        });
    }

    /** Deletes the series and takes its content out of it (the content itself stays). */
    public Uni<Boolean> softDeleteSeries(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE content_series SET deleted_at = now(), updated_at = now(), version = version + 1 "
                        + "WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("UPDATE content SET series_id = NULL, updated_at = now() WHERE series_id = $1")
                                .execute(Tuple.of(id)).replaceWith(true));
    }

    /** How many of {@code ids} are live content of the transaction's tenant. */
    public Uni<Integer> countContent(SqlClient tx, List<UUID> ids) {
        return tx.preparedQuery("SELECT count(DISTINCT id) AS n FROM content WHERE id = ANY($1) AND deleted_at IS NULL")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> rows.iterator().next().getInteger("n"));
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    private static Content toContent(Row r) {
        return new Content(r.getUUID("id"), r.getUUID("tenant_id"), r.getString("creator_id"), r.getString("title"),
                r.getString("slug"), r.getString("description"), r.getString("content_type"), r.getString("media_url"),
                r.getInteger("media_duration_seconds"), r.getString("thumbnail_url"), r.getString("content_body"),
                r.getString("category"), Arrays.asList(r.getArrayOfStrings("tags")), r.getUUID("series_id"),
                r.getString("visibility"), r.getBigDecimal("price"), r.getString("status"), r.getOffsetDateTime("published_at"),
                r.getInteger("view_count"), r.getInteger("purchase_count"), Arrays.asList(r.getArrayOfUUIDs("prerequisite_content_ids")),
                r.getLong("version"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }

    private static Series toSeries(Row r) {
        return new Series(r.getUUID("id"), r.getUUID("tenant_id"), r.getString("creator_id"), r.getString("title"),
                r.getString("slug"), r.getString("description"), r.getString("thumbnail_url"), r.getBigDecimal("price"),
                Arrays.asList(r.getArrayOfUUIDs("content_order")), r.getString("status"), r.getOffsetDateTime("published_at"),
                r.getLong("version"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}
