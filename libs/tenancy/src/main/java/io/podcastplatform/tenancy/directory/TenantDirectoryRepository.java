package io.podcastplatform.tenancy.directory;

import io.podcastplatform.events.tenant.TenantChanged;
import io.podcastplatform.events.tenant.TenantStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TenantDirectoryRepository {

    /** Only a newer version replaces what is held, so redelivered or reordered events change nothing. */
    private static final String UPSERT = """
            INSERT INTO tenant_directory AS held (tenant_id, slug, name, status, tier, version, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (tenant_id) DO UPDATE
               SET slug = EXCLUDED.slug, name = EXCLUDED.name, status = EXCLUDED.status, tier = EXCLUDED.tier,
                   version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, received_at = now()
             WHERE held.version < EXCLUDED.version""";
    private static final String FIND =
            "SELECT tenant_id, slug, name, status, tier, version FROM tenant_directory WHERE tenant_id = $1";

    private final PgPool pool;

    public TenantDirectoryRepository(PgPool pool) {
        this.pool = pool;
    }

    /** True when the event changed the directory, false when it held that version or a newer one. */
    public Uni<Boolean> apply(TenantChanged tenant) {
        Tuple row = Tuple.tuple()
                .addUUID(tenant.id())
                .addString(tenant.slug())
                .addString(tenant.name())
                .addString(tenant.status().name())
                .addString(tenant.tier())
                .addLong(tenant.version())
                .addOffsetDateTime(tenant.updatedAt());
        return pool.preparedQuery(UPSERT).execute(row).map(result -> result.rowCount() == 1);
    }

    public Uni<Optional<TenantEntry>> find(UUID tenantId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toEntry(rows.iterator().next())));
    }

    private static TenantEntry toEntry(Row row) {
        return new TenantEntry(row.getUUID("tenant_id"), row.getString("slug"), row.getString("name"),
                TenantStatus.valueOf(row.getString("status")), row.getString("tier"), row.getLong("version"));
    }
}
