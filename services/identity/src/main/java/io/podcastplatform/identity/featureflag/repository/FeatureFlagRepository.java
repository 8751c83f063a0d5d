package io.podcastplatform.identity.featureflag.repository;

import io.podcastplatform.identity.featureflag.service.FeatureFlag;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class FeatureFlagRepository {

    /** Row-level security shows only the transaction's tenant's overrides, so the join resolves for that tenant. */
    private static final String EFFECTIVE = """
            SELECT f.key, f.description, f.enabled AS default_enabled, o.enabled AS override_enabled
            FROM feature_flag f LEFT JOIN feature_flag_override o ON o.flag_key = f.key""";

    public Uni<List<FeatureFlag>> effective(SqlClient tx) {
        return tx.query(EFFECTIVE + " ORDER BY f.key").execute().map(rows -> {
            List<FeatureFlag> flags = new ArrayList<>();
            rows.forEach(row -> flags.add(toFlag(row)));
            return flags;
        });
    }

    public Uni<Optional<FeatureFlag>> effective(SqlClient tx, String key) {
        return tx.preparedQuery(EFFECTIVE + " WHERE f.key = $1").execute(Tuple.of(key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toFlag(rows.iterator().next())));
    }

    public Uni<Void> upsertGlobal(SqlClient tx, String key, String description, boolean enabled) {
        return tx.preparedQuery("""
                        INSERT INTO feature_flag (key, description, enabled) VALUES ($1, $2, $3)
                        ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description, enabled = EXCLUDED.enabled, updated_at = now()""")
                .execute(Tuple.of(key, description, enabled)).replaceWithVoid();
    }

    public Uni<Void> upsertOverride(SqlClient tx, java.util.UUID tenantId, String key, boolean enabled) {
        return tx.preparedQuery("""
                        INSERT INTO feature_flag_override (tenant_id, flag_key, enabled) VALUES ($1, $2, $3)
                        ON CONFLICT (tenant_id, flag_key) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()""")
                .execute(Tuple.of(tenantId, key, enabled)).replaceWithVoid();
    }

    public Uni<Void> deleteOverride(SqlClient tx, String key) {
        return tx.preparedQuery("DELETE FROM feature_flag_override WHERE flag_key = $1").execute(Tuple.of(key)).replaceWithVoid();
    }

    private static FeatureFlag toFlag(Row row) {
        Boolean override = row.getBoolean("override_enabled");
        boolean defaultEnabled = row.getBoolean("default_enabled");
        return new FeatureFlag(row.getString("key"), row.getString("description"), defaultEnabled,
                override == null ? defaultEnabled : override, override == null ? FeatureFlag.GLOBAL : FeatureFlag.TENANT);
    }
}
