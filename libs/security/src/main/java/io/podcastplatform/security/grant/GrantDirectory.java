package io.podcastplatform.security.grant;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.identity.GrantsChanged;
import io.podcastplatform.security.permission.Grant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Members' extra grants from this service's copy of {@code identity.grant.v1}, cached for two seconds
 * per member. Only grants of the member's own tenant that have not expired count.
 */
@ApplicationScoped
public class GrantDirectory {

    private static final String UPSERT = """
            INSERT INTO grant_directory AS held (user_id, tenant_id, grants, version) VALUES ($1, $2, $3::text::jsonb, $4)
            ON CONFLICT (user_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, grants = EXCLUDED.grants,
                                                version = EXCLUDED.version, received_at = now()
             WHERE held.version < EXCLUDED.version""";
    private static final String FIND = "SELECT tenant_id, grants::text AS grants FROM grant_directory WHERE user_id = $1";

    private final PgPool pool;
    private final AsyncLoadingCache<UUID, Held> cache;

    public GrantDirectory(PgPool pool) {
        this.pool = pool;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofSeconds(2))
                .buildAsync((userId, executor) -> load(userId).subscribeAsCompletionStage());
    }

    private record Held(UUID tenantId, List<GrantsChanged.UserGrant> grants) {
    }

    /** The member's extra grants that apply now within {@code tenantId}. */
    public Uni<Set<Grant>> grantsOf(UUID userId, UUID tenantId) {
        return Uni.createFrom().completionStage(() -> cache.get(userId)).map(held -> {
            Set<Grant> grants = new HashSet<>();
            if (held == null || !held.tenantId().equals(tenantId)) {
                return grants;
            }
            OffsetDateTime now = OffsetDateTime.now();
            for (GrantsChanged.UserGrant grant : held.grants()) {
                if (grant.expiresAt() == null || grant.expiresAt().isAfter(now)) {
                    grants.add(Grant.parse(grant.permission()));
                }
            }
            return grants;
        });
    }

    public Uni<Boolean> apply(GrantsChanged changed) {
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(changed.userId(), changed.tenantId(), new String(EventJson.write(changed.grants()), java.nio.charset.StandardCharsets.UTF_8), changed.version()))
                .map(result -> result.rowCount() == 1)
                .invoke(() -> cache.synchronous().invalidate(changed.userId()));
    }

    private Uni<Held> load(UUID userId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(userId)).map(rows -> {
            if (rows.size() == 0) {
                return new Held(new UUID(0, 0), List.of());
            }
            var row = rows.iterator().next();
            GrantsChanged.UserGrant[] grants = EventJson.read(row.getString("grants").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    GrantsChanged.UserGrant[].class);
            return new Held(row.getUUID("tenant_id"), List.of(grants));
        });
    }
}
