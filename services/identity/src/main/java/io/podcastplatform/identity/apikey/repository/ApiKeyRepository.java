package io.podcastplatform.identity.apikey.repository;

import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.identity.apikey.service.ApiKey;
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

/** SQL of {@code api_key}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, tenant_id, name, type, prefix, key_hash, scopes, status, expires_at, "
            + "rate_limit_per_hour, last_used_at, created_by, created_at, revoked_at, version";

    public Uni<ApiKey> insert(SqlClient tx, ApiKey key) {
        return tx.preparedQuery("""
                        INSERT INTO api_key (id, tenant_id, name, type, prefix, key_hash, scopes, expires_at, rate_limit_per_hour, created_by)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple()
                        .addUUID(key.id()).addUUID(key.tenantId()).addString(key.name()).addString(key.type().name())
                        .addString(key.prefix()).addString(key.keyHash()).addArrayOfString(key.scopes().toArray(String[]::new))
                        .addOffsetDateTime(key.expiresAt()).addInteger(key.rateLimitPerHour()).addString(key.createdBy()))
                .map(rows -> toKey(rows.iterator().next()));
    }

    public Uni<Optional<ApiKey>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM api_key WHERE id = $1").execute(Tuple.of(id))
                .map(ApiKeyRepository::optional);
    }

    /** Newest first; {@code before} is the creation time and id of the last key of the previous page. */
    public Uni<List<ApiKey>> page(SqlClient tx, OffsetDateTime beforeCreatedAt, UUID beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM api_key"
                + (beforeCreatedAt == null ? "" : " WHERE (created_at, id) < ($2, $3)")
                + " ORDER BY created_at DESC, id DESC LIMIT $1";
        Tuple parameters = beforeCreatedAt == null ? Tuple.of(limit) : Tuple.of(limit, beforeCreatedAt, beforeId);
        return tx.preparedQuery(sql).execute(parameters).map(rows -> {
            List<ApiKey> keys = new ArrayList<>();
            rows.forEach(row -> keys.add(toKey(row)));
            return keys;
        });
    }

    /** Revokes an active key; empty when there is no such key in this tenant or it was already revoked. */
    public Uni<Optional<ApiKey>> revoke(SqlClient tx, UUID id) {
        return tx.preparedQuery("""
                        UPDATE api_key SET status = 'REVOKED', revoked_at = now(), version = version + 1
                        WHERE id = $1 AND status = 'ACTIVE' RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id))
                .map(ApiKeyRepository::optional);
    }

    public Uni<Void> touch(SqlClient tx, UUID id, OffsetDateTime at) {
        return tx.preparedQuery("UPDATE api_key SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)")
                .execute(Tuple.of(id, at)).replaceWithVoid();
    }

    private static Optional<ApiKey> optional(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toKey(rows.iterator().next()));
    }

    private static ApiKey toKey(Row row) {
        return new ApiKey(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("name"),
                ApiKeyType.valueOf(row.getString("type")), row.getString("prefix"), row.getString("key_hash"),
                Arrays.asList(row.getArrayOfStrings("scopes")), ApiKeyStatus.valueOf(row.getString("status")),
                row.getOffsetDateTime("expires_at"), row.getInteger("rate_limit_per_hour"),
                row.getOffsetDateTime("last_used_at"), row.getString("created_by"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("revoked_at"), row.getLong("version"));
    }
}
