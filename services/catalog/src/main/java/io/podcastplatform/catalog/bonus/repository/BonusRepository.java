package io.podcastplatform.catalog.bonus.repository;

import io.podcastplatform.catalog.bonus.service.Bonus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code bonus}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class BonusRepository {

    private static final String COLUMNS = "id, tenant_id, campaign_id, name, description, file_url, delivery_method, is_active, "
            + "metadata::text AS metadata, delivered_count, last_delivered_at, created_at, updated_at";

    public Uni<Bonus> insert(SqlClient tx, Bonus b) {
        return tx.preparedQuery("""
                        INSERT INTO bonus (id, tenant_id, campaign_id, name, description, file_url, delivery_method, is_active, metadata)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb) RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(b.id()).addUUID(b.tenantId()).addUUID(b.campaignId()).addString(b.name())
                        .addString(b.description()).addString(b.fileUrl()).addString(b.deliveryMethod()).addBoolean(b.active())
                        .addString(b.metadata()))
                .map(rows -> toBonus(rows.iterator().next()));
    }

    public Uni<Optional<Bonus>> update(SqlClient tx, UUID id, String name, String description, String fileUrl, String deliveryMethod,
                                       Boolean active) {
        return tx.preparedQuery("""
                        UPDATE bonus SET name = COALESCE($2, name), description = COALESCE($3, description),
                            file_url = COALESCE($4, file_url), delivery_method = COALESCE($5, delivery_method),
                            is_active = COALESCE($6, is_active), updated_at = now()
                        WHERE id = $1 AND deleted_at IS NULL RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addString(name).addString(description).addString(fileUrl)
                        .addString(deliveryMethod).addBoolean(active))
                .map(BonusRepository::optional);
    }

    public Uni<Optional<Bonus>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM bonus WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id))
                .map(BonusRepository::optional);
    }

    public Uni<List<Bonus>> page(SqlClient tx, UUID campaignId, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM bonus WHERE deleted_at IS NULL");
        Tuple parameters = Tuple.of(limit);
        if (campaignId != null) {
            parameters.addUUID(campaignId);
            sql.append(" AND campaign_id = $").append(parameters.size());
        }
        if (beforeAt != null) {
            parameters.addOffsetDateTime(beforeAt).addUUID(beforeId);
            sql.append(" AND (created_at, id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(")");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT $1");
        return tx.preparedQuery(sql.toString()).execute(parameters).map(rows -> {
            List<Bonus> found = new ArrayList<>();
            rows.forEach(row -> found.add(toBonus(row)));
            return found;
        });
    }

    public Uni<Boolean> softDelete(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE bonus SET deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static Optional<Bonus> optional(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toBonus(rows.iterator().next()));
    }

    private static Bonus toBonus(Row r) {
        return new Bonus(r.getUUID("id"), r.getUUID("tenant_id"), r.getUUID("campaign_id"), r.getString("name"),
                r.getString("description"), r.getString("file_url"), r.getString("delivery_method"), r.getBoolean("is_active"),
                r.getString("metadata"), r.getInteger("delivered_count"), r.getOffsetDateTime("last_delivered_at"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}
