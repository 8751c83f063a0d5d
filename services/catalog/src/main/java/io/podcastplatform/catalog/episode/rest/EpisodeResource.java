package io.podcastplatform.catalog.episode.rest;

import io.podcastplatform.catalog.episode.service.AdSlot;
import io.podcastplatform.catalog.episode.service.Episode;
import io.podcastplatform.catalog.episode.service.EpisodeCatalog;
import io.podcastplatform.catalog.episode.service.EpisodeFilter;
import io.podcastplatform.catalog.episode.service.TranscriptInput;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/episodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Episodes", description = "Episodes (mostly from RSS imports), their ad slots and transcripts")
public class EpisodeResource {

    /** Sort time of episodes without a publication date; matches the SQL sort key. */
    private static final OffsetDateTime UNDATED = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    private final EpisodeCatalog catalog;
    private final Callers callers;

    public EpisodeResource(EpisodeCatalog catalog, Callers callers) {
        this.catalog = catalog;
        this.callers = callers;
    }

    @GET
    @PermissionsAllowed("episode:read")
    @Operation(summary = "Episodes, newest publication first, filtered by podcast, season, publication time or title")
    public Uni<Page<EpisodeView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                       @QueryParam("cursor") String cursor,
                                       @QueryParam("podcastId") UUID podcastId,
                                       @QueryParam("season") @Min(0) Integer season,
                                       @QueryParam("publishedFrom") String publishedFrom,
                                       @QueryParam("publishedTo") String publishedTo,
                                       @QueryParam("q") @Size(max = 200) String titleContains) {
        TimeCursor after = TimeCursor.parse(cursor);
        EpisodeFilter filter = new EpisodeFilter(podcastId, season, time("publishedFrom", publishedFrom),
                time("publishedTo", publishedTo), titleContains == null || titleContains.isBlank() ? null : titleContains.strip());
        return catalog.page(callers.tenant(), filter, after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<Episode> page = found.size() > limit ? found.subList(0, limit) : found;
                    Episode last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit
                            ? new TimeCursor(last.publishDate() == null ? UNDATED : last.publishDate(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(EpisodeView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("episode:read")
    public Uni<EpisodeView> get(@PathParam("id") UUID id) {
        return catalog.find(callers.tenant(), id).map(EpisodeView::of);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("episode:update")
    @Operation(summary = "Change title, description or the ad slots (the list replaces every slot)")
    public Uni<EpisodeView> update(@PathParam("id") UUID id, @Valid @NotNull EpisodePatch patch) {
        if (patch.title() == null && patch.description() == null && patch.adSlots() == null) {
            throw ProblemException.badRequest("body", "names no field to change");
        }
        List<AdSlot> slots = patch.adSlots() == null ? null : patch.adSlots().stream()
                .map(slot -> new AdSlot(slot.position(), slot.offsetSeconds(), slot.durationSeconds(), slot.sponsorId(),
                        slot.campaignId()))
                .toList();
        return catalog.update(callers.tenant(), id, patch.title() == null ? null : patch.title().strip(), patch.description(), slots)
                .map(EpisodeView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("episode:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }

    @PUT
    @Path("/{id}/transcripts/{language}")
    @PermissionsAllowed("episode:update")
    @Operation(summary = "Store the episode's transcript in one language (text, timed segments or both); replaces an earlier one")
    public Uni<TranscriptView> putTranscript(@PathParam("id") UUID id,
                                             @PathParam("language") @Pattern(regexp = LANGUAGE, message = "must be a language tag such as en or pt-BR") String language,
                                             @Valid @NotNull TranscriptRequest request) {
        List<TranscriptInput.Segment> segments = request.segments() == null ? null : request.segments().stream()
                .map(segment -> new TranscriptInput.Segment(segment.startSeconds(), segment.endSeconds(), segment.text(),
                        segment.speaker()))
                .toList();
        return catalog.putTranscript(callers.tenant(), id, new TranscriptInput(language, request.source(), request.text(), segments))
                .map(TranscriptView::of);
    }

    @GET
    @Path("/{id}/transcripts")
    @PermissionsAllowed("episode:read")
    public Uni<List<TranscriptView>> transcripts(@PathParam("id") UUID id) {
        return catalog.transcripts(callers.tenant(), id).map(found -> found.stream().map(TranscriptView::of).toList());
    }

    @GET
    @Path("/{id}/transcripts/{language}")
    @PermissionsAllowed("episode:read")
    public Uni<TranscriptView> transcript(@PathParam("id") UUID id, @PathParam("language") String language) {
        return catalog.transcript(callers.tenant(), id, language).map(TranscriptView::of);
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO 8601 date-time such as 2026-11-22T00:00:00Z");
        }
    }
}
