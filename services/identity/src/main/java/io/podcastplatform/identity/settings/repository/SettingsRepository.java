package io.podcastplatform.identity.settings.repository;

import io.podcastplatform.identity.settings.service.WhiteLabel;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SettingsRepository {

    private static final String WHITE_LABEL_COLUMNS = "brand_name, logo_url, primary_color, secondary_color, custom_domain, custom_css, "
            + "email_from_name, email_from_address";

    public Uni<Map<String, Object>> settings(SqlClient tx) {
        return tx.query("SELECT key, value::text AS value FROM tenant_setting ORDER BY key").execute().map(rows -> {
            Map<String, Object> settings = new LinkedHashMap<>();
            rows.forEach(row -> settings.put(row.getString("key"), Json.decodeValue(row.getString("value"))));
            return settings;
        });
    }

    public Uni<Void> put(SqlClient tx, UUID tenantId, String key, Object value, String updatedBy) {
        return tx.preparedQuery("""
                        INSERT INTO tenant_setting (tenant_id, key, value, updated_by) VALUES ($1, $2, $3::text::jsonb, $4)
                        ON CONFLICT (tenant_id, key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .execute(Tuple.of(tenantId, key, Json.encode(value), updatedBy)).replaceWithVoid();
    }

    public Uni<Boolean> delete(SqlClient tx, String key) {
        return tx.preparedQuery("DELETE FROM tenant_setting WHERE key = $1").execute(Tuple.of(key)).map(result -> result.rowCount() == 1);
    }

    public Uni<Optional<WhiteLabel>> whiteLabel(SqlClient tx) {
        return tx.query("SELECT " + WHITE_LABEL_COLUMNS + " FROM white_label_settings").execute()
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toWhiteLabel(rows.iterator().next())));
    }

    public Uni<Void> putWhiteLabel(SqlClient tx, UUID tenantId, WhiteLabel w) {
        return tx.preparedQuery("""
                        INSERT INTO white_label_settings (tenant_id, brand_name, logo_url, primary_color, secondary_color, custom_domain,
                                                          custom_css, email_from_name, email_from_address)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (tenant_id) DO UPDATE SET brand_name = EXCLUDED.brand_name, logo_url = EXCLUDED.logo_url,
                               primary_color = EXCLUDED.primary_color, secondary_color = EXCLUDED.secondary_color,
                               custom_domain = EXCLUDED.custom_domain, custom_css = EXCLUDED.custom_css,
                               email_from_name = EXCLUDED.email_from_name, email_from_address = EXCLUDED.email_from_address, updated_at = now()""")
                .execute(Tuple.tuple().addUUID(tenantId).addString(w.brandName()).addString(w.logoUrl()).addString(w.primaryColor())
                        .addString(w.secondaryColor()).addString(w.customDomain()).addString(w.customCss()).addString(w.emailFromName())
                        .addString(w.emailFromAddress()))
                .replaceWithVoid();
    }

    private static WhiteLabel toWhiteLabel(Row row) {
        return new WhiteLabel(row.getString("brand_name"), row.getString("logo_url"), row.getString("primary_color"),
                row.getString("secondary_color"), row.getString("custom_domain"), row.getString("custom_css"),
                row.getString("email_from_name"), row.getString("email_from_address"));
    }
}
