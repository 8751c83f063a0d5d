package io.podcastplatform.catalog.content.rest;

import io.podcastplatform.catalog.content.service.Content;
import io.podcastplatform.catalog.content.service.ContentCatalog;
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
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/content")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Content", description = "Video, audio and written content the tenant shows or sells")
public class ContentResource {

    private final ContentCatalog catalog;
    private final IdempotentCreates creates;
    private final Callers callers;

    public ContentResource(ContentCatalog catalog, IdempotentCreates creates, Callers callers) {
        this.catalog = catalog;
        this.creates = creates;
        this.callers = callers;
    }

    @POST
    @PermissionsAllowed("content:create")
    @Operation(summary = "Create content; the slug (made from the title when absent) is unique in the tenant")
    public Uni<Response> create(@Valid @NotNull ContentRequest request, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        if (request.title() == null) {
            throw ProblemException.badRequest("title", "must not be blank");
        }
        if (request.contentType() == null) {
            throw ProblemException.badRequest("contentType", "must be video, audio or written");
        }
        UUID tenant = callers.tenant();
        Content draft = new Content(UUID.randomUUID(), tenant, callers.current().subject(), request.title().strip(),
                request.slug() != null ? request.slug() : Slugs.from(request.title()), request.description(), request.contentType(),
                request.mediaUrl(), request.mediaDurationSeconds(), request.thumbnailUrl(), request.body(), request.category(),
                request.tags() == null ? List.of() : request.tags().stream().map(String::strip).distinct().toList(),
                request.seriesId(), Objects.requireNonNullElse(request.visibility(), "purchased_only"), request.price(),
                Objects.requireNonNullElse(request.status(), "draft"), null, 0, 0,
                request.prerequisiteContentIds() == null ? List.of() : request.prerequisiteContentIds(), 1, null, null);
        return creates.create(tenant, idempotencyKey, "POST /v1/content", request, tx -> catalog.create(tx, draft)
                .map(content -> new IdempotentCreates.Created("/v1/content/" + content.id(), ContentView.of(content))));
    }

    @GET
    @PermissionsAllowed("content:read")
    public Uni<Page<ContentView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                       @QueryParam("cursor") String cursor,
                                       @QueryParam("contentType") @Pattern(regexp = "video|audio|written") String type,
                                       @QueryParam("status") @Pattern(regexp = "draft|published|archived") String status,
                                       @QueryParam("seriesId") UUID seriesId) {
        TimeCursor after = TimeCursor.parse(cursor);
        return catalog.page(callers.tenant(), type, status, seriesId, after == null ? null : after.at(),
                        after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<Content> page = found.size() > limit ? found.subList(0, limit) : found;
                    Content last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(ContentView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("content:read")
    public Uni<ContentView> get(@PathParam("id") UUID id) {
        return catalog.find(callers.tenant(), id).map(ContentView::of);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("content:update")
    public Uni<ContentView> update(@PathParam("id") UUID id, @Valid @NotNull ContentRequest patch) {
        return catalog.update(callers.tenant(), id, c -> new Content(c.id(), c.tenantId(), c.creatorId(),
                        patch.title() != null ? patch.title().strip() : c.title(), or(patch.slug(), c.slug()),
                        or(patch.description(), c.description()), or(patch.contentType(), c.contentType()),
                        or(patch.mediaUrl(), c.mediaUrl()), or(patch.mediaDurationSeconds(), c.mediaDurationSeconds()),
                        or(patch.thumbnailUrl(), c.thumbnailUrl()), or(patch.body(), c.body()), or(patch.category(), c.category()),
                        patch.tags() != null ? patch.tags().stream().map(String::strip).distinct().toList() : c.tags(),
                        or(patch.seriesId(), c.seriesId()), or(patch.visibility(), c.visibility()), or(patch.price(), c.price()),
                        or(patch.status(), c.status()), c.publishedAt(), c.viewCount(), c.purchaseCount(),
                        or(patch.prerequisiteContentIds(), c.prerequisiteContentIds()), c.version(), c.createdAt(), c.updatedAt()))
                .map(ContentView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("content:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }

    static <T> T or(T changed, T current) {
        return changed != null ? changed : current;
    }
}
