package io.podcastplatform.catalog.content.rest;

import io.podcastplatform.catalog.content.service.ContentCatalog;
import io.podcastplatform.catalog.content.service.Series;
import io.podcastplatform.catalog.idempotency.IdempotentCreates;
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
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/content-series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Content series", description = "Ordered groups of content, sellable as a bundle")
public class SeriesResource {

    private final ContentCatalog catalog;
    private final IdempotentCreates creates;
    private final Callers callers;

    public SeriesResource(ContentCatalog catalog, IdempotentCreates creates, Callers callers) {
        this.catalog = catalog;
        this.creates = creates;
        this.callers = callers;
    }

    @POST
    @PermissionsAllowed("content:create")
    public Uni<Response> create(@Valid @NotNull SeriesRequest request, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        if (request.title() == null) {
            throw ProblemException.badRequest("title", "must not be blank");
        }
        UUID tenant = callers.tenant();
        Series draft = new Series(UUID.randomUUID(), tenant, callers.current().subject(), request.title().strip(),
                request.slug() != null ? request.slug() : Slugs.from(request.title()), request.description(), request.thumbnailUrl(),
                request.price(), request.contentOrder() == null ? List.of() : request.contentOrder(),
                Objects.requireNonNullElse(request.status(), "draft"), null, 1, null, null);
        return creates.create(tenant, idempotencyKey, "POST /v1/content-series", request, tx -> catalog.createSeries(tx, draft)
                .map(series -> new IdempotentCreates.Created("/v1/content-series/" + series.id(), ContentView.SeriesView.of(series))));
    }

    @GET
    @PermissionsAllowed("content:read")
    public Uni<Page<ContentView.SeriesView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                                  @QueryParam("cursor") String cursor) {
        TimeCursor after = TimeCursor.parse(cursor);
        return catalog.seriesPage(callers.tenant(), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<Series> page = found.size() > limit ? found.subList(0, limit) : found;
                    Series last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(ContentView.SeriesView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("content:read")
    public Uni<ContentView.SeriesView> get(@PathParam("id") UUID id) {
        return catalog.findSeries(callers.tenant(), id).map(ContentView.SeriesView::of);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("content:update")
    public Uni<ContentView.SeriesView> update(@PathParam("id") UUID id, @Valid @NotNull SeriesRequest patch) {
        return catalog.updateSeries(callers.tenant(), id, s -> new Series(s.id(), s.tenantId(), s.creatorId(),
                        patch.title() != null ? patch.title().strip() : s.title(), ContentResource.or(patch.slug(), s.slug()),
                        ContentResource.or(patch.description(), s.description()),
                        ContentResource.or(patch.thumbnailUrl(), s.thumbnailUrl()), ContentResource.or(patch.price(), s.price()),
                        ContentResource.or(patch.contentOrder(), s.contentOrder()), ContentResource.or(patch.status(), s.status()),
                        s.publishedAt(), s.version(), s.createdAt(), s.updatedAt()))
                .map(ContentView.SeriesView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("content:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.deleteSeries(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }
}
