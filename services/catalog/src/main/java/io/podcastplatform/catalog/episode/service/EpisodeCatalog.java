package io.podcastplatform.catalog.episode.service;

import io.podcastplatform.catalog.episode.repository.EpisodeRepository;
import io.podcastplatform.catalog.episode.repository.TranscriptRepository;
import io.podcastplatform.catalog.sponsor.repository.SponsorRepository;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Episodes of a tenant: reads, edits, ad slots and transcripts; each change is published on catalog.episode.v1. */
@ApplicationScoped
public class EpisodeCatalog {

    private final TenantTransactions transactions;
    private final EpisodeRepository episodes;
    private final TranscriptRepository transcripts;
    private final SponsorRepository sponsors;
    private final EpisodeEvents events;

    public EpisodeCatalog(TenantTransactions transactions, EpisodeRepository episodes, TranscriptRepository transcripts,
                          SponsorRepository sponsors, EpisodeEvents events) {
        this.transactions = transactions;
        this.episodes = episodes;
        this.transcripts = transcripts;
        this.sponsors = sponsors;
        this.events = events;
    }

    public Uni<Episode> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> episodes.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("episode", id)));
    }

    public Uni<List<Episode>> page(UUID tenantId, EpisodeFilter filter, OffsetDateTime afterAt, UUID afterId, int limit) {
        return transactions.inTenant(tenantId, tx -> episodes.page(tx, filter, afterAt, afterId, limit));
    }

    /** Changes title, description and/or ad slots; the slots name sponsors of this tenant only. */
    public Uni<Episode> update(UUID tenantId, UUID id, String title, String description, List<AdSlot> adSlots) {
        if (adSlots != null) {
            checkShape(adSlots);
        }
        String slotsJson = adSlots == null ? null : new String(EventJson.write(adSlots), StandardCharsets.UTF_8);
        return transactions.inTenant(tenantId, tx -> episodes.find(tx, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("episode", id)))
                .call(episode -> adSlots == null ? Uni.createFrom().voidItem() : checkAgainst(tx, episode, adSlots))
                .flatMap(episode -> episodes.update(tx, id, title, description, slotsJson))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("episode", id)))
                .call(episode -> events.publish(tx, episode)));
    }

    public Uni<Episode> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> episodes.softDelete(tx, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("episode", id)))
                .call(episode -> events.publish(tx, episode)));
    }

    public Uni<Transcript> putTranscript(UUID tenantId, UUID episodeId, TranscriptInput input) {
        boolean hasText = input.text() != null && !input.text().isBlank();
        boolean hasSegments = input.segments() != null && !input.segments().isEmpty();
        if (!hasText && !hasSegments) {
            throw ProblemException.badRequest("text", "give the transcript's text, its segments or both");
        }
        if (hasSegments) {
            for (int i = 0; i < input.segments().size(); i++) {
                TranscriptInput.Segment segment = input.segments().get(i);
                if (segment.endSeconds() < segment.startSeconds()) {
                    throw ProblemException.badRequest("segments[" + i + "].endSeconds", "must not be before startSeconds");
                }
            }
        }
        String segmentsJson = hasSegments ? new String(EventJson.write(input.segments()), StandardCharsets.UTF_8) : null;
        int words = Transcripts.wordCount(input);
        Integer duration = Transcripts.durationSeconds(input.segments());
        return transactions.inTenant(tenantId, tx -> episodes.markTranscribed(tx, episodeId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("episode", episodeId)))
                .flatMap(episode -> transcripts.upsert(tx, tenantId, episodeId, input.language(),
                        Objects.requireNonNullElse(input.source(), "upload"), hasText ? input.text() : null, segmentsJson, words,
                        duration)));
    }

    public Uni<List<Transcript>> transcripts(UUID tenantId, UUID episodeId) {
        return transactions.inTenant(tenantId, tx -> episodes.find(tx, episodeId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("episode", episodeId)))
                .flatMap(episode -> transcripts.ofEpisode(tx, episodeId)));
    }

    public Uni<Transcript> transcript(UUID tenantId, UUID episodeId, String language) {
        return transactions.inTenant(tenantId, tx -> transcripts.find(tx, episodeId, language))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("transcript", language)));
    }

    private static void checkShape(List<AdSlot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            AdSlot slot = slots.get(i);
            String at = "adSlots[" + i + "]";
            if ("mid".equals(slot.position()) && slot.offsetSeconds() == null) {
                throw ProblemException.badRequest(at + ".offsetSeconds", "is required for a mid-roll");
            }
            if (!"mid".equals(slot.position()) && slot.offsetSeconds() != null) {
                throw ProblemException.badRequest(at + ".offsetSeconds", "is only for mid-rolls");
            }
        }
    }

    private Uni<Void> checkAgainst(io.vertx.mutiny.sqlclient.SqlClient tx, Episode episode, List<AdSlot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            AdSlot slot = slots.get(i);
            if (slot.offsetSeconds() != null && episode.durationSeconds() != null && slot.offsetSeconds() >= episode.durationSeconds()) {
                throw ProblemException.badRequest("adSlots[" + i + "].offsetSeconds",
                        "must be within the episode's " + episode.durationSeconds() + " seconds");
            }
        }
        Set<UUID> named = new HashSet<>();
        slots.stream().map(AdSlot::sponsorId).filter(Objects::nonNull).forEach(named::add);
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sponsors.existing(tx, named).map(existing -> {
            for (int i = 0; i < slots.size(); i++) {
                UUID sponsor = slots.get(i).sponsorId();
                if (sponsor != null && !existing.contains(sponsor)) {
                    throw ProblemException.badRequest("adSlots[" + i + "].sponsorId", "is not a sponsor of this tenant");
                }
            }
            return null;
        }).replaceWithVoid();
    }
}
