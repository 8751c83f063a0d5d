package io.podcastplatform.identity.platform.repository;

import io.podcastplatform.identity.platform.service.PlatformSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class PlatformSettingsRepository {

    private static final String COLUMNS = "platform_name, logo_url, primary_color, hero_title, hero_subtitle, hero_background_url, "
            + "hero_cta_text, hero_cta_link, featured_content_ids, contact_email, social_links, about_content, email_from_name, timezone";

    public Uni<PlatformSettings> get(SqlClient client) {
        return client.query("SELECT " + COLUMNS + " FROM platform_settings").execute().map(rows -> toSettings(rows.iterator().next()));
    }

    public Uni<PlatformSettings> put(SqlClient tx, PlatformSettings s) {
        return tx.preparedQuery("""
                        UPDATE platform_settings SET platform_name = $1, logo_url = $2, primary_color = $3, hero_title = $4, hero_subtitle = $5,
                               hero_background_url = $6, hero_cta_text = $7, hero_cta_link = $8, featured_content_ids = $9,
                               contact_email = $10, social_links = $11, about_content = $12, email_from_name = $13, timezone = $14,
                               updated_at = now()
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addString(s.platformName()).addString(s.logoUrl()).addString(s.primaryColor())
                        .addString(s.heroTitle()).addString(s.heroSubtitle()).addString(s.heroBackgroundUrl()).addString(s.heroCtaText())
                        .addString(s.heroCtaLink()).addValue(new JsonArray(s.featuredContentIds() == null ? List.of() : List.copyOf(s.featuredContentIds())))
                        .addString(s.contactEmail()).addValue(new JsonObject(s.socialLinks() == null ? Map.of() : new HashMap<>(s.socialLinks())))
                        .addString(s.aboutContent()).addString(s.emailFromName()).addString(s.timezone()))
                .map(rows -> toSettings(rows.iterator().next()));
    }

    @SuppressWarnings("unchecked")
    private static PlatformSettings toSettings(Row row) {
        Map<String, String> social = new HashMap<>();
        row.getJsonObject("social_links").getMap().forEach((key, value) -> social.put(key, String.valueOf(value)));
        return new PlatformSettings(row.getString("platform_name"), row.getString("logo_url"), row.getString("primary_color"),
                row.getString("hero_title"), row.getString("hero_subtitle"), row.getString("hero_background_url"),
                row.getString("hero_cta_text"), row.getString("hero_cta_link"),
                ((List<Object>) row.getJsonArray("featured_content_ids").getList()).stream().map(String::valueOf).toList(),
                row.getString("contact_email"), social, row.getString("about_content"), row.getString("email_from_name"),
                row.getString("timezone"));
    }
}
