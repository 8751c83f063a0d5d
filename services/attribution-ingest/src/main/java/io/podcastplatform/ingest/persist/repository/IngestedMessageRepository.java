package io.podcastplatform.ingest.persist.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The dedup records past their window, removed tenant by tenant (row-level security binds each delete). */
@ApplicationScoped
public class IngestedMessageRepository {

    private static final String TENANTS = "SELECT tenant_id FROM tenant_directory";
    private static final String DELETE_OLDER = """
            DELETE FROM ingested_message WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM ingested_message WHERE tenant_id = $1 AND first_seen_at < $2 LIMIT $3))""";

    private final PgPool pool;

    public IngestedMessageRepository(PgPool pool) {
        this.pool = pool;
    }

    public Uni<List<UUID>> tenants() {
        return pool.query(TENANTS).execute().map(rows -> {
            List<UUID> tenants = new ArrayList<>();
            rows.forEach(row -> tenants.add(row.getUUID("tenant_id")));
            return tenants;
        });
    }

    /** Deletes at most {@code limit} records first seen before {@code before}; the number deleted. */
    public Uni<Integer> deleteOlder(SqlConnection tx, UUID tenantId, OffsetDateTime before, int limit) {
        return tx.preparedQuery(DELETE_OLDER).execute(Tuple.of(tenantId, before, limit)).map(result -> result.rowCount());
    }
}
