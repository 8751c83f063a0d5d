package io.podcastplatform.analytics.methodology.repository;

import io.podcastplatform.analytics.iab.service.WindowMode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IabSettingRepository {

    public Uni<Optional<WindowMode>> windowMode(SqlClient tx) {
        return tx.query("SELECT window_mode FROM iab_setting").execute()
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(WindowMode.valueOf(rows.iterator().next().getString("window_mode"))));
    }

    public Uni<Void> setWindowMode(SqlClient tx, UUID tenantId, WindowMode mode, String updatedBy) {
        return tx.preparedQuery("""
                        INSERT INTO iab_setting (tenant_id, window_mode, updated_by) VALUES ($1, $2, $3)
                        ON CONFLICT (tenant_id) DO UPDATE SET window_mode = EXCLUDED.window_mode, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .execute(Tuple.of(tenantId, mode.name(), updatedBy)).replaceWithVoid();
    }
}
