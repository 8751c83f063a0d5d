package io.podcastplatform.identity.tenant.repository;

import io.podcastplatform.events.tenant.TenantStatus;
import io.podcastplatform.identity.tenant.service.Tenant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** SQL of the tenant table; callers pass the transaction, which carries the tenant or platform scope. */
@ApplicationScoped
public class TenantRepository {

    private static final String COLUMNS = "id, slug, name, status, tier, version, created_at, updated_at";

    public Uni<Tenant> insert(SqlClient transaction, UUID id, String slug, String name, String tier) {
        return transaction.preparedQuery("INSERT INTO tenant (id, slug, name, tier) VALUES ($1, $2, $3, $4) RETURNING " + COLUMNS)
                .execute(Tuple.of(id, slug, name, tier))
                .map(TenantRepository::single);
    }

    /** Sets the status and bumps the version; empty when the tenant is not visible in this transaction. */
    public Uni<Optional<Tenant>> updateStatus(SqlClient transaction, UUID id, TenantStatus status) {
        return transaction.preparedQuery("""
                        UPDATE tenant SET status = $2, version = version + 1, updated_at = now()
                        WHERE id = $1 RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id, status.name()))
                .map(TenantRepository::optional);
    }

    /** Changes name and tier (null keeps the current value) and bumps the version. */
    public Uni<Optional<Tenant>> update(SqlClient transaction, UUID id, String name, String tier) {
        return transaction.preparedQuery("""
                        UPDATE tenant SET name = COALESCE($2, name), tier = COALESCE($3, tier),
                                          version = version + 1, updated_at = now()
                        WHERE id = $1 RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id, name, tier))
                .map(TenantRepository::optional);
    }

    /** Tenants ordered by slug, after {@code afterSlug} when given. */
    public Uni<java.util.List<Tenant>> page(SqlClient transaction, String afterSlug, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM tenant" + (afterSlug == null ? "" : " WHERE slug > $2") + " ORDER BY slug LIMIT $1";
        return transaction.preparedQuery(sql).execute(afterSlug == null ? Tuple.of(limit) : Tuple.of(limit, afterSlug))
                .map(rows -> {
                    java.util.List<Tenant> tenants = new java.util.ArrayList<>();
                    rows.forEach(row -> tenants.add(toTenant(row)));
                    return tenants;
                });
    }

    public Uni<Optional<Tenant>> find(SqlClient transaction, UUID id) {
        return transaction.preparedQuery("SELECT " + COLUMNS + " FROM tenant WHERE id = $1")
                .execute(Tuple.of(id))
                .map(TenantRepository::optional);
    }

    private static Tenant single(RowSet<Row> rows) {
        return toTenant(rows.iterator().next());
    }

    private static Optional<Tenant> optional(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(single(rows));
    }

    private static Tenant toTenant(Row row) {
        return new Tenant(row.getUUID("id"), row.getString("slug"), row.getString("name"),
                TenantStatus.valueOf(row.getString("status")), row.getString("tier"), row.getLong("version"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
