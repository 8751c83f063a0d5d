package io.podcastplatform.security.apikey;

import io.podcastplatform.events.apikey.ApiKeyChanged;
import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;

@ApplicationScoped
public class ApiKeyDirectoryRepository {

    /** Only a newer version replaces what is held, so redelivered or reordered events change nothing. */
    private static final String UPSERT = """
            INSERT INTO api_key_directory AS held
                   (key_id, tenant_id, key_hash, prefix, type, scopes, status, expires_at, rate_limit_per_hour, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (key_id) DO UPDATE
               SET tenant_id = EXCLUDED.tenant_id, key_hash = EXCLUDED.key_hash, prefix = EXCLUDED.prefix,
                   type = EXCLUDED.type, scopes = EXCLUDED.scopes, status = EXCLUDED.status,
                   expires_at = EXCLUDED.expires_at, rate_limit_per_hour = EXCLUDED.rate_limit_per_hour,
                   version = EXCLUDED.version, received_at = now()
             WHERE held.version < EXCLUDED.version""";
    private static final String FIND = """
            SELECT key_id, tenant_id, prefix, type, scopes, status, expires_at, rate_limit_per_hour
            FROM api_key_directory WHERE key_hash = $1""";

    private final PgPool pool;

    public ApiKeyDirectoryRepository(PgPool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> apply(ApiKeyChanged key) {
        Tuple row = Tuple.tuple()
                .addUUID(key.id())
                .addUUID(key.tenantId())
                .addString(key.keyHash())
                .addString(key.prefix())
                .addString(key.type().name())
                .addArrayOfString(key.scopes().toArray(String[]::new))
                .addString(key.status().name())
                .addOffsetDateTime(key.expiresAt())
                .addInteger(key.rateLimitPerHour())
                .addLong(key.version());
        return pool.preparedQuery(UPSERT).execute(row).map(result -> result.rowCount() == 1);
    }

    public Uni<Optional<ApiKeyEntry>> findByHash(String keyHash) {
        return pool.preparedQuery(FIND).execute(Tuple.of(keyHash))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toEntry(rows.iterator().next())));
    }

    private static ApiKeyEntry toEntry(Row row) {
        return new ApiKeyEntry(row.getUUID("key_id"), row.getUUID("tenant_id"), row.getString("prefix"),
                ApiKeyType.valueOf(row.getString("type")), Arrays.asList(row.getArrayOfStrings("scopes")),
                ApiKeyStatus.valueOf(row.getString("status")), row.getOffsetDateTime("expires_at"),
                row.getInteger("rate_limit_per_hour"));
    }
}
