package io.podcastplatform.catalog.brandvoice.repository;

import io.podcastplatform.catalog.brandvoice.service.BrandProfile;
import io.podcastplatform.catalog.brandvoice.service.Fingerprint;
import io.podcastplatform.catalog.brandvoice.service.TextProfile;
import io.podcastplatform.catalog.brandvoice.service.VoiceScore;
import io.podcastplatform.events.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the brand voice tables; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class BrandVoiceRepository {

    private static final String PROFILE = "id, tenant_id, created_by, name, slug, tone_keywords, writing_style, industry, "
            + "target_audience, preferred_words, avoid_words, brand_values, content_themes, is_active, training_status, "
            + "training_quality, sample_count, version, created_at, updated_at";

    public Uni<BrandProfile> insertProfile(SqlClient tx, BrandProfile p) {
        return tx.preparedQuery("""
                        INSERT INTO brand_profile (id, tenant_id, created_by, name, slug, tone_keywords, writing_style, industry,
                            target_audience, preferred_words, avoid_words, brand_values, content_themes)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING\s""" + PROFILE)
                .execute(Tuple.tuple().addUUID(p.id()).addUUID(p.tenantId()).addString(p.createdBy()).addString(p.name())
                        .addString(p.slug()).addArrayOfString(array(p.toneKeywords())).addString(p.writingStyle())
                        .addString(p.industry()).addString(p.targetAudience()).addArrayOfString(array(p.preferredWords()))
                        .addArrayOfString(array(p.avoidWords())).addArrayOfString(array(p.brandValues()))
                        .addArrayOfString(array(p.contentThemes())))
                .map(rows -> toProfile(rows.iterator().next()));
    }

    public Uni<Optional<BrandProfile>> findProfile(SqlClient tx, UUID id, boolean lock) {
        return tx.preparedQuery("SELECT " + PROFILE + " FROM brand_profile WHERE id = $1 AND deleted_at IS NULL"
                        + (lock ? " FOR UPDATE" : "")).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toProfile(rows.iterator().next())));
    }

    public Uni<List<BrandProfile>> profiles(SqlClient tx, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        String sql = "SELECT " + PROFILE + " FROM brand_profile WHERE deleted_at IS NULL"
                + (beforeAt == null ? "" : " AND (created_at, id) < ($2, $3)") + " ORDER BY created_at DESC, id DESC LIMIT $1";
        return tx.preparedQuery(sql).execute(beforeAt == null ? Tuple.of(limit) : Tuple.of(limit, beforeAt, beforeId)).map(rows -> {
            List<BrandProfile> found = new ArrayList<>();
            rows.forEach(row -> found.add(toProfile(row)));
            return found;
        });
    }

    public Uni<Boolean> deleteProfile(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE brand_profile SET deleted_at = now(), updated_at = now(), version = version + 1 "
                + "WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<UUID> insertSample(SqlClient tx, UUID tenantId, UUID profileId, String title, String content, String contentType,
                                  String sourceUrl, String sourcePlatform, boolean primary, TextProfile analysis) {
        UUID id = UUID.randomUUID();
        return tx.preparedQuery("""
                        INSERT INTO voice_sample (id, tenant_id, profile_id, title, content, content_type, word_count, source_url,
                            source_platform, analysis_result, is_primary_example)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11)""")
                .execute(Tuple.tuple().addUUID(id).addUUID(tenantId).addUUID(profileId).addString(title).addString(content)
                        .addString(contentType).addInteger(analysis.words()).addString(sourceUrl).addString(sourcePlatform)
                        .addString(json(analysis)).addBoolean(primary))
                .replaceWith(id);
    }

    public Uni<List<String>> sampleContents(SqlClient tx, UUID profileId) {
        return tx.preparedQuery("SELECT content FROM voice_sample WHERE profile_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(profileId)).map(rows -> {
                    List<String> contents = new ArrayList<>();
                    rows.forEach(row -> contents.add(row.getString("content")));
                    return contents;
                });
    }

    /** Stores the profile's fingerprint (replacing the previous one) and its training state. */
    public Uni<Void> saveFingerprint(SqlClient tx, UUID tenantId, Fingerprint fingerprint) {
        return tx.preparedQuery("""
                        INSERT INTO voice_fingerprint (id, tenant_id, profile_id, vocabulary_profile, sentence_patterns,
                            tone_distribution, style_metrics, profile, voice_summary, sample_count, training_quality)
                        VALUES ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb, $9, $10, $11)
                        ON CONFLICT (profile_id) DO UPDATE SET vocabulary_profile = EXCLUDED.vocabulary_profile,
                            sentence_patterns = EXCLUDED.sentence_patterns, tone_distribution = EXCLUDED.tone_distribution,
                            style_metrics = EXCLUDED.style_metrics, profile = EXCLUDED.profile,
                            voice_summary = EXCLUDED.voice_summary, sample_count = EXCLUDED.sample_count,
                            training_quality = EXCLUDED.training_quality, last_trained_at = now(), updated_at = now()""")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(tenantId).addUUID(fingerprint.profileId())
                        .addString(json(fingerprint.vocabularyProfile())).addString(json(fingerprint.sentencePatterns()))
                        .addString(json(fingerprint.profile().tones())).addString(json(fingerprint.styleMetrics()))
                        .addString(json(fingerprint.profile())).addString(fingerprint.summary())
                        .addInteger(fingerprint.sampleCount()).addDouble(fingerprint.trainingQuality()))
                .flatMap(saved -> tx.preparedQuery("""
                                UPDATE brand_profile SET training_status = 'TRAINED', training_quality = $2, sample_count = $3,
                                    updated_at = now() WHERE id = $1""")
                        .execute(Tuple.of(fingerprint.profileId(), fingerprint.trainingQuality(), fingerprint.sampleCount())))
                .replaceWithVoid();
    }

    public Uni<Optional<Fingerprint>> fingerprint(SqlClient tx, UUID profileId) {
        return tx.preparedQuery("SELECT profile::text AS profile, voice_summary, sample_count, training_quality, last_trained_at "
                        + "FROM voice_fingerprint WHERE profile_id = $1").execute(Tuple.of(profileId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    TextProfile profile = EventJson.read(row.getString("profile").getBytes(StandardCharsets.UTF_8), TextProfile.class);
                    return Optional.of(new Fingerprint(profileId, profile, row.getString("voice_summary"),
                            row.getInteger("sample_count"), row.getDouble("training_quality"), row.getOffsetDateTime("last_trained_at")));
                });
    }

    public Uni<UUID> insertScore(SqlClient tx, UUID tenantId, UUID profileId, String contentId, VoiceScore score) {
        UUID id = UUID.randomUUID();
        return tx.preparedQuery("""
                        INSERT INTO voice_score (id, tenant_id, profile_id, content_id, overall_score, tone_match, vocabulary_match,
                            style_match, feedback, deviations)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10::text::jsonb)""")
                .execute(Tuple.tuple().addUUID(id).addUUID(tenantId).addUUID(profileId).addString(contentId)
                        .addDouble(score.overall()).addDouble(score.toneMatch()).addDouble(score.vocabularyMatch())
                        .addDouble(score.styleMatch()).addString(json(score.feedback())).addString(json(score.deviations())))
                .replaceWith(id);
    }

    private static String json(Object value) {
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    private static BrandProfile toProfile(Row r) {
        return new BrandProfile(r.getUUID("id"), r.getUUID("tenant_id"), r.getString("created_by"), r.getString("name"),
                r.getString("slug"), Arrays.asList(r.getArrayOfStrings("tone_keywords")), r.getString("writing_style"),
                r.getString("industry"), r.getString("target_audience"), Arrays.asList(r.getArrayOfStrings("preferred_words")),
                Arrays.asList(r.getArrayOfStrings("avoid_words")), Arrays.asList(r.getArrayOfStrings("brand_values")),
                Arrays.asList(r.getArrayOfStrings("content_themes")), r.getBoolean("is_active"), r.getString("training_status"),
                r.getDouble("training_quality"), r.getInteger("sample_count"), r.getLong("version"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }
}
