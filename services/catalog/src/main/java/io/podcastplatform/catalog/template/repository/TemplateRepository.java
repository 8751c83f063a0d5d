package io.podcastplatform.catalog.template.repository;

import io.podcastplatform.catalog.template.service.Template;
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

/** SQL of {@code template}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class TemplateRepository {

    private static final String COLUMNS = "id, tenant_id, created_by, name, slug, description, tool_id, "
            + "preset_inputs::text AS preset_inputs, category, tags, is_public, use_count, created_at, updated_at";

    public Uni<Template> insert(SqlClient tx, Template t) {
        return tx.preparedQuery("""
                        INSERT INTO template (id, tenant_id, created_by, name, slug, description, tool_id, preset_inputs, category, tags, is_public)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10, $11) RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(t.id()).addUUID(t.tenantId()).addString(t.createdBy()).addString(t.name())
                        .addString(t.slug()).addString(t.description()).addString(t.toolId()).addString(t.presetInputs())
                        .addString(t.category()).addArrayOfString(t.tags().toArray(String[]::new)).addBoolean(t.isPublic()))
                .map(rows -> toTemplate(rows.iterator().next()));
    }

    public Uni<Optional<Template>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM template WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id))
                .map(TemplateRepository::optional);
    }

    public Uni<List<Template>> page(SqlClient tx, String toolId, String category, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM template WHERE deleted_at IS NULL");
        Tuple parameters = Tuple.of(limit);
        if (toolId != null) {
            parameters.addString(toolId);
            sql.append(" AND tool_id = $").append(parameters.size());
        }
        if (category != null) {
            parameters.addString(category);
            sql.append(" AND category = $").append(parameters.size());
        }
        if (beforeAt != null) {
            parameters.addOffsetDateTime(beforeAt).addUUID(beforeId);
            sql.append(" AND (created_at, id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(")");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT $1");
        return tx.preparedQuery(sql.toString()).execute(parameters).map(rows -> {
            List<Template> found = new ArrayList<>();
            rows.forEach(row -> found.add(toTemplate(row)));
            return found;
        });
    }

    /** Counts a use and answers the template, so the caller gets its presets in the same step. */
    public Uni<Optional<Template>> use(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE template SET use_count = use_count + 1 WHERE id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id)).map(TemplateRepository::optional);
    }

    public Uni<Boolean> softDelete(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE template SET deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static Optional<Template> optional(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toTemplate(rows.iterator().next()));
    }

    private static Template toTemplate(Row r) {
        return new Template(r.getUUID("id"), r.getUUID("tenant_id"), r.getString("created_by"), r.getString("name"), r.getString("slug"),
                r.getString("description"), r.getString("tool_id"), r.getString("preset_inputs"), r.getString("category"),
                Arrays.asList(r.getArrayOfStrings("tags")), r.getBoolean("is_public"), r.getInteger("use_count"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}
