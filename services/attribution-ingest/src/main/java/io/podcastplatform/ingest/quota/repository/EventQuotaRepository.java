package io.podcastplatform.ingest.quota.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EventQuotaRepository {

    public record Block(String quota, OffsetDateTime blockedUntil) {
    }

    private static final String CURRENT = "SELECT quota, blocked_until FROM event_quota WHERE tenant_id = $1 AND blocked_until > now()";

    public Uni<Optional<Block>> current(SqlConnection tx, UUID tenantId) {
        return tx.preparedQuery(CURRENT).execute(Tuple.of(tenantId)).map(rows -> rows.size() == 0 ? Optional.<Block>empty()
                : Optional.of(new Block(rows.iterator().next().getString("quota"), rows.iterator().next().getOffsetDateTime("blocked_until"))));
    }
}
