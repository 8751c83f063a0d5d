package io.podcastplatform.catalog.brandvoice.rest;

import io.podcastplatform.catalog.brandvoice.service.BrandProfile;
import io.podcastplatform.catalog.brandvoice.service.BrandVoice;
import io.podcastplatform.catalog.brandvoice.service.Fingerprint;
import io.podcastplatform.catalog.brandvoice.service.VoiceScore;
import io.podcastplatform.catalog.idempotency.IdempotentCreates;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.security.caller.Callers;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/brand-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Brand voice", description = "Brand profiles learn a voice from samples and score new texts against it, locally")
public class BrandProfileResource {

    private final BrandVoice voice;
    private final IdempotentCreates creates;
    private final Callers callers;

    public BrandProfileResource(BrandVoice voice, IdempotentCreates creates, Callers callers) {
        this.voice = voice;
        this.creates = creates;
        this.callers = callers;
    }

    /** A brand profile as the API shows it. */
    public record ProfileView(UUID id, String name, String slug, List<String> toneKeywords, String writingStyle, String industry,
                              String targetAudience, List<String> preferredWords, List<String> avoidWords,
                              List<String> brandValues, List<String> contentThemes, boolean active, String trainingStatus,
                              double trainingQuality, int sampleCount, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static ProfileView of(BrandProfile p) {
            return new ProfileView(p.id(), p.name(), p.slug(), p.toneKeywords(), p.writingStyle(), p.industry(), p.targetAudience(),
                    p.preferredWords(), p.avoidWords(), p.brandValues(), p.contentThemes(), p.active(),
                    p.trainingStatus().toLowerCase(Locale.ROOT), p.trainingQuality(), p.sampleCount(), p.createdAt(), p.updatedAt());
        }
    }

    /** A fingerprint as the API shows it, in the seed's sections. */
    public record FingerprintView(UUID profileId, Map<String, Object> vocabularyProfile, Map<String, Object> sentencePatterns,
                                  Map<String, Double> toneDistribution, Map<String, Object> styleMetrics, String voiceSummary,
                                  int sampleCount, double trainingQuality, OffsetDateTime lastTrainedAt) {

        static FingerprintView of(Fingerprint f) {
            return new FingerprintView(f.profileId(), f.vocabularyProfile(), f.sentencePatterns(), f.profile().tones(),
                    f.styleMetrics(), f.summary(), f.sampleCount(), f.trainingQuality(), f.lastTrainedAt());
        }
    }

    /** The answer to a sample: its measures and the retrained voice. */
    public record SampleView(UUID sampleId, int wordCount, ProfileView profile, FingerprintView fingerprint) {
    }

    /** The answer to a score. */
    public record ScoreView(UUID id, double overallScore, double toneMatch, double vocabularyMatch, double styleMatch,
                            List<VoiceScore.Feedback> feedback, List<VoiceScore.Deviation> deviations) {
    }

    @POST
    @PermissionsAllowed("brand-voice:create")
    public Uni<Response> create(@Valid @NotNull BrandProfileRequest request, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        UUID tenant = callers.tenant();
        String slug = request.slug() != null ? request.slug()
                : request.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        BrandProfile draft = new BrandProfile(UUID.randomUUID(), tenant, callers.current().subject(), request.name().strip(),
                slug.isEmpty() ? "brand-" + UUID.randomUUID().toString().substring(0, 8) : slug, request.toneKeywords(),
                request.writingStyle(), request.industry(), request.targetAudience(), request.preferredWords(), request.avoidWords(),
                request.brandValues(), request.contentThemes(), true, "UNTRAINED", 0, 0, 1, null, null);
        return creates.create(tenant, idempotencyKey, "POST /v1/brand-profiles", request, tx -> voice.create(tx, draft)
                .map(profile -> new IdempotentCreates.Created("/v1/brand-profiles/" + profile.id(), ProfileView.of(profile))));
    }

    @GET
    @PermissionsAllowed("brand-voice:read")
    public Uni<Page<ProfileView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                       @QueryParam("cursor") String cursor) {
        TimeCursor after = TimeCursor.parse(cursor);
        return voice.page(callers.tenant(), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<BrandProfile> page = found.size() > limit ? found.subList(0, limit) : found;
                    BrandProfile last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(ProfileView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("brand-voice:read")
    public Uni<ProfileView> get(@PathParam("id") UUID id) {
        return voice.find(callers.tenant(), id).map(ProfileView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("brand-voice:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return voice.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/samples")
    @PermissionsAllowed("brand-voice:update")
    @Operation(summary = "Add a writing sample; the voice fingerprint is recomputed from every sample")
    public Uni<SampleView> addSample(@PathParam("id") UUID id, @Valid @NotNull SampleRequest request) {
        return voice.addSample(callers.tenant(), id, request.title(), request.content(), request.contentType(), request.sourceUrl(),
                        request.sourcePlatform(), Boolean.TRUE.equals(request.primaryExample()))
                .map(trained -> new SampleView(trained.sampleId(), trained.words(), ProfileView.of(trained.profile()),
                        FingerprintView.of(trained.fingerprint())));
    }

    @GET
    @Path("/{id}/fingerprint")
    @PermissionsAllowed("brand-voice:read")
    public Uni<FingerprintView> fingerprint(@PathParam("id") UUID id) {
        return voice.fingerprint(callers.tenant(), id).map(FingerprintView::of);
    }

    @POST
    @Path("/{id}/scores")
    @PermissionsAllowed("brand-voice:execute")
    @Operation(summary = "Score a text against the brand's voice (0 to 1 overall, tone, vocabulary, style) with feedback")
    public Uni<ScoreView> score(@PathParam("id") UUID id, @Valid @NotNull ScoreRequest request) {
        return voice.score(callers.tenant(), id, request.text(), request.contentId()).map(scored -> new ScoreView(scored.id(),
                scored.score().overall(), scored.score().toneMatch(), scored.score().vocabularyMatch(), scored.score().styleMatch(),
                scored.score().feedback(), scored.score().deviations()));
    }
}
