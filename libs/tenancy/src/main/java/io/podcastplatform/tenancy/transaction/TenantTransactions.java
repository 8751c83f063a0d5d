package io.podcastplatform.tenancy.transaction;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs work in a transaction bound to one tenant. The tenant is set with {@code set_config(..., true)},
 * which lasts until the transaction ends, so a pooled connection never carries it to the next user.
 * Row-level security policies read it back as {@code current_setting('app.tenant_id', true)}.
 */
@ApplicationScoped
public class TenantTransactions {

    public static final String TENANT_SETTING = "app.tenant_id";
    /** Set only for platform administration (e.g. creating tenants); policies that allow it name it explicitly. */
    public static final String PLATFORM_SCOPE_SETTING = "app.platform_scope";

    private static final String BIND_TENANT = "SELECT set_config('" + TENANT_SETTING + "', $1, true)";
    private static final String BIND_PLATFORM_SCOPE = "SELECT set_config('" + PLATFORM_SCOPE_SETTING + "', 'on', true)";

    private final PgPool pool;

    public TenantTransactions(PgPool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTenant(UUID tenantId, Function<SqlConnection, Uni<T>> work) {
        Objects.requireNonNull(tenantId, "tenantId");
        return pool.withTransaction(connection -> connection.preparedQuery(BIND_TENANT)
                .execute(Tuple.of(tenantId.toString()))
                .flatMap(bound -> work.apply(connection)));
    }

    /** Work of a platform administrator across tenants, allowed only where a policy admits the platform scope. */
    public <T> Uni<T> inPlatformScope(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection.query(BIND_PLATFORM_SCOPE).execute()
                .flatMap(bound -> work.apply(connection)));
    }
}
