package io.podcastplatform.catalog.brandvoice.service;

import io.podcastplatform.catalog.brandvoice.repository.BrandVoiceRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Brand profiles, their samples and scores. Each sample retrains the fingerprint from every sample of
 * the profile in the same transaction (text analysis runs on a worker thread, not the event loop).
 */
@ApplicationScoped
public class BrandVoice {

    /** Enough to learn a voice, bounded so retraining stays quick. */
    public static final int MAX_SAMPLES = 200;

    private final TenantTransactions transactions;
    private final BrandVoiceRepository repository;

    public BrandVoice(TenantTransactions transactions, BrandVoiceRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    /** What adding a sample produced. */
    public record Trained(UUID sampleId, int words, BrandProfile profile, Fingerprint fingerprint) {
    }

    /** A stored score. */
    public record Scored(UUID id, VoiceScore score) {
    }

    public Uni<BrandProfile> create(SqlClient tx, BrandProfile draft) {
        return repository.insertProfile(tx, draft).onFailure(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(failure -> ProblemException.conflict("the slug " + draft.slug() + " is already used by a brand profile"));
    }

    public Uni<BrandProfile> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> repository.findProfile(tx, id, false))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("brand profile", id)));
    }

    public Uni<List<BrandProfile>> page(UUID tenantId, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> repository.profiles(tx, beforeAt, beforeId, limit));
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> repository.deleteProfile(tx, id)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("brand profile", id);
            }
            return null;
        });
    }

    public Uni<Trained> addSample(UUID tenantId, UUID profileId, String title, String content, String contentType, String sourceUrl,
                                  String sourcePlatform, boolean primary) {
        return transactions.inTenant(tenantId, tx -> repository.findProfile(tx, profileId, true)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("brand profile", profileId)))
                .flatMap(profile -> {
                    if (profile.sampleCount() >= MAX_SAMPLES) {
                        throw ProblemException.conflict("a profile learns from at most " + MAX_SAMPLES + " samples");
                    }
                    return offLoop(() -> VoiceAnalyzer.profile(content))
                            .flatMap(analysis -> repository.insertSample(tx, tenantId, profileId, title, content, contentType,
                                    sourceUrl, sourcePlatform, primary, analysis)
                                    .flatMap(sampleId -> repository.sampleContents(tx, profileId)
                                            .flatMap(contents -> offLoop(() -> train(profileId, contents)))
                                            .call(fingerprint -> repository.saveFingerprint(tx, tenantId, fingerprint))
                                            .flatMap(fingerprint -> repository.findProfile(tx, profileId, false)
                                                    .map(updated -> new Trained(sampleId, analysis.words(), updated.orElseThrow(),
                                                            fingerprint)))));
                }));
    }

    public Uni<Fingerprint> fingerprint(UUID tenantId, UUID profileId) {
        return transactions.inTenant(tenantId, tx -> repository.findProfile(tx, profileId, false)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("brand profile", profileId)))
                .flatMap(profile -> repository.fingerprint(tx, profileId))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("voice fingerprint of brand profile", profileId))));
    }

    public Uni<Scored> score(UUID tenantId, UUID profileId, String text, String contentId) {
        return transactions.inTenant(tenantId, tx -> repository.findProfile(tx, profileId, false)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("brand profile", profileId)))
                .flatMap(profile -> repository.fingerprint(tx, profileId).flatMap(found -> {
                    Fingerprint fingerprint = found.orElseThrow(() -> new ProblemException(409, "Not trained yet",
                            "add at least one sample to the brand profile before scoring", List.of()));
                    return offLoop(() -> VoiceScorer.score(fingerprint.profile(), text, profile.preferredWords(), profile.avoidWords()))
                            .flatMap(score -> repository.insertScore(tx, tenantId, profileId, contentId, score)
                                    .map(id -> new Scored(id, score)));
                })));
    }

    private static Fingerprint train(UUID profileId, List<String> samples) {
        TextProfile profile = VoiceAnalyzer.profile(String.join("\n\n", samples));
        double quality = Math.min(1.0, samples.size() / 5.0) * Math.min(1.0, profile.words() / 1000.0);
        return new Fingerprint(profileId, profile, Fingerprint.summarize(profile), samples.size(),
                Math.round(quality * 1000) / 1000.0, OffsetDateTime.now());
    }

    private static <T> Uni<T> offLoop(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
