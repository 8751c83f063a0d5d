package io.podcastplatform.ingest.download.repository;

import io.podcastplatform.events.tenant.TenantStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Slugs of the tenant directory (the platform-wide copy of identity.tenant.v1), for the download prefix. */
@ApplicationScoped
public class TenantSlugRepository {

    public record SluggedTenant(UUID id, TenantStatus status) {
    }

    private static final String ALL = "SELECT tenant_id, slug, status FROM tenant_directory";
    private static final String BY_SLUG = "SELECT tenant_id, slug, status FROM tenant_directory WHERE slug = $1";

    private final PgPool pool;

    public TenantSlugRepository(PgPool pool) {
        this.pool = pool;
    }

    public Uni<java.util.Optional<SluggedTenant>> find(String slug) {
        return pool.preparedQuery(BY_SLUG).execute(io.vertx.mutiny.sqlclient.Tuple.of(slug)).map(rows -> rows.size() == 0
                ? java.util.Optional.<SluggedTenant>empty() : java.util.Optional.of(toTenant(rows.iterator().next())));
    }

    private static SluggedTenant toTenant(Row row) {
        return new SluggedTenant(row.getUUID("tenant_id"), TenantStatus.valueOf(row.getString("status")));
    }

    public Uni<Map<String, SluggedTenant>> all() {
        return pool.query(ALL).execute().map(rows -> {
            Map<String, SluggedTenant> bySlug = new HashMap<>();
            for (Row row : rows) {
                bySlug.put(row.getString("slug"), toTenant(row));
            }
            return bySlug;
        });
    }
}
