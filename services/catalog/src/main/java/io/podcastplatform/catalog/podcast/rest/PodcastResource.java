package io.podcastplatform.catalog.podcast.rest;

import io.podcastplatform.catalog.feed.service.FeedImporter;
import io.podcastplatform.catalog.idempotency.IdempotentCreates;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.catalog.podcast.service.Podcast;
import io.podcastplatform.catalog.podcast.service.PodcastCatalog;
import io.podcastplatform.catalog.podcast.service.PodcastChanges;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/podcasts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Podcasts", description = "Shows of the tenant and the import of their RSS feeds")
public class PodcastResource {

    private final PodcastCatalog catalog;
    private final FeedImporter importer;
    private final IdempotentCreates creates;
    private final Callers callers;

    public PodcastResource(PodcastCatalog catalog, FeedImporter importer, IdempotentCreates creates, Callers callers) {
        this.catalog = catalog;
        this.importer = importer;
        this.creates = creates;
        this.callers = callers;
    }

    @POST
    @PermissionsAllowed("podcast:create")
    @Operation(summary = "Create a podcast; with an Idempotency-Key a retry answers the first response again")
    public Uni<Response> create(@Valid @NotNull PodcastRequest request, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        PodcastChanges fields = new PodcastChanges(request.title().strip(), request.description(),
                Urls.httpOrNull("feedUrl", request.feedUrl()), Urls.httpOrNull("websiteUrl", request.websiteUrl()),
                Urls.httpOrNull("imageUrl", request.imageUrl()));
        UUID tenant = callers.tenant();
        String subject = callers.current().subject();
        return creates.create(tenant, idempotencyKey, "POST /v1/podcasts", request, tx -> catalog.create(tx, tenant, subject, fields)
                .map(podcast -> new IdempotentCreates.Created("/v1/podcasts/" + podcast.id(), PodcastView.of(podcast))));
    }

    @GET
    @PermissionsAllowed("podcast:read")
    @Operation(summary = "The tenant's podcasts, newest first")
    public Uni<Page<PodcastView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                       @QueryParam("cursor") String cursor) {
        TimeCursor after = TimeCursor.parse(cursor);
        return catalog.page(callers.tenant(), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<Podcast> page = found.size() > limit ? found.subList(0, limit) : found;
                    Podcast last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(PodcastView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("podcast:read")
    public Uni<PodcastView> get(@PathParam("id") UUID id) {
        return catalog.find(callers.tenant(), id).map(PodcastView::of);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("podcast:update")
    public Uni<PodcastView> update(@PathParam("id") UUID id, @Valid @NotNull PodcastPatch patch) {
        PodcastChanges changes = new PodcastChanges(patch.title() == null ? null : patch.title().strip(), patch.description(),
                Urls.httpOrNull("feedUrl", patch.feedUrl()), Urls.httpOrNull("websiteUrl", patch.websiteUrl()),
                Urls.httpOrNull("imageUrl", patch.imageUrl()));
        if (changes.isEmpty()) {
            throw ProblemException.badRequest("body", "names no field to change");
        }
        return catalog.update(callers.tenant(), id, changes).map(PodcastView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("podcast:delete")
    @Operation(summary = "Delete a podcast and its episodes (kept for history, gone from every list)")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/import")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed("podcast:update")
    @Operation(summary = "Import the podcast's feed now (conditional on the last ETag / Last-Modified); 422 with the reason when it fails")
    public Uni<ImportView> importFeed(@PathParam("id") UUID id) {
        return importer.importFeed(callers.tenant(), id).map(outcome -> {
            if (outcome.error() != null) {
                throw new ProblemException(422, "Feed import failed", outcome.error(), List.of());
            }
            return ImportView.of(outcome);
        });
    }
}
