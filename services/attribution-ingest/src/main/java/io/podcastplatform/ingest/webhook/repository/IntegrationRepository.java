package io.podcastplatform.ingest.webhook.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IntegrationRepository {

    public record StoredIntegration(UUID id, UUID tenantId, String partner, String name, byte[] secretCiphertext, OffsetDateTime createdAt) {
    }

    private static final String COLUMNS = "id, tenant_id, partner, name, secret_ciphertext, created_at";
    private static final String INSERT = "INSERT INTO integration (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6)";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM integration WHERE tenant_id = $1"
            + " AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3)) ORDER BY created_at DESC, id DESC LIMIT $4";
    private static final String FIND = "SELECT " + COLUMNS + " FROM integration WHERE tenant_id = $1 AND id = $2";
    private static final String TENANT_OF = "SELECT tenant_id FROM integration WHERE id = $1 AND partner = $2";
    private static final String DELETE = "DELETE FROM integration WHERE tenant_id = $1 AND id = $2";
    private static final String DELIVERY_SEEN = "SELECT 1 FROM webhook_delivery WHERE tenant_id = $1 AND integration_id = $2 AND delivery_id = $3";
    private static final String RECORD_DELIVERY = """
            INSERT INTO webhook_delivery (tenant_id, integration_id, delivery_id, received_at) VALUES ($1, $2, $3, now())
            ON CONFLICT DO NOTHING""";

    public Uni<Void> insert(SqlConnection tx, StoredIntegration integration) {
        return tx.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(integration.id()).addUUID(integration.tenantId())
                .addString(integration.partner()).addString(integration.name()).addBuffer(Buffer.buffer(integration.secretCiphertext()))
                .addOffsetDateTime(integration.createdAt())).replaceWithVoid();
    }

    public Uni<List<StoredIntegration>> page(SqlConnection tx, UUID tenantId, OffsetDateTime beforeTime, UUID beforeId, int limit) {
        return tx.preparedQuery(PAGE).execute(Tuple.tuple().addUUID(tenantId).addOffsetDateTime(beforeTime).addUUID(beforeId).addInteger(limit))
                .map(rows -> {
                    List<StoredIntegration> page = new ArrayList<>();
                    rows.forEach(row -> page.add(toIntegration(row)));
                    return page;
                });
    }

    public Uni<Optional<StoredIntegration>> find(SqlConnection tx, UUID tenantId, UUID id) {
        return tx.preparedQuery(FIND).execute(Tuple.of(tenantId, id))
                .map(rows -> rows.size() == 0 ? Optional.<StoredIntegration>empty() : Optional.of(toIntegration(rows.iterator().next())));
    }

    /** Which tenant an integration belongs to: read in the platform scope, the only thing read there. */
    public Uni<Optional<UUID>> tenantOf(SqlConnection tx, UUID id, String partner) {
        return tx.preparedQuery(TENANT_OF).execute(Tuple.of(id, partner))
                .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID("tenant_id")));
    }

    public Uni<Boolean> delete(SqlConnection tx, UUID tenantId, UUID id) {
        return tx.preparedQuery(DELETE).execute(Tuple.of(tenantId, id)).map(result -> result.rowCount() > 0);
    }

    public Uni<Boolean> deliverySeen(SqlConnection tx, UUID tenantId, UUID integrationId, String deliveryId) {
        return tx.preparedQuery(DELIVERY_SEEN).execute(Tuple.of(tenantId, integrationId, deliveryId)).map(rows -> rows.size() > 0);
    }

    public Uni<Void> recordDelivery(SqlConnection tx, UUID tenantId, UUID integrationId, String deliveryId) {
        return tx.preparedQuery(RECORD_DELIVERY).execute(Tuple.of(tenantId, integrationId, deliveryId)).replaceWithVoid();
    }

    private static StoredIntegration toIntegration(Row row) {
        return new StoredIntegration(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("partner"), row.getString("name"),
                row.getBuffer("secret_ciphertext").getBytes(), row.getOffsetDateTime("created_at"));
    }
}
