package io.podcastplatform.catalog.sponsor.rest;

import io.podcastplatform.catalog.idempotency.IdempotentCreates;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.catalog.sponsor.service.Sponsor;
import io.podcastplatform.catalog.sponsor.service.SponsorCatalog;
import io.podcastplatform.catalog.sponsor.service.SponsorFields;
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

@Path("/v1/sponsors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sponsors", description = "Advertisers of the tenant")
public class SponsorResource {

    private final SponsorCatalog catalog;
    private final IdempotentCreates creates;
    private final Callers callers;

    public SponsorResource(SponsorCatalog catalog, IdempotentCreates creates, Callers callers) {
        this.catalog = catalog;
        this.creates = creates;
        this.callers = callers;
    }

    @POST
    @PermissionsAllowed("sponsor:create")
    @Operation(summary = "Create a sponsor; with an Idempotency-Key a retry answers the first response again")
    public Uni<Response> create(@Valid @NotNull SponsorRequest request, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        SponsorFields fields = new SponsorFields(request.name().strip(), request.company(), request.email(), request.contactName(),
                request.websiteUrl(), request.logoUrl(), request.industry());
        UUID tenant = callers.tenant();
        String subject = callers.current().subject();
        return creates.create(tenant, idempotencyKey, "POST /v1/sponsors", request, tx -> catalog.create(tx, tenant, subject, fields)
                .map(sponsor -> new IdempotentCreates.Created("/v1/sponsors/" + sponsor.id(), SponsorView.of(sponsor))));
    }

    @GET
    @PermissionsAllowed("sponsor:read")
    public Uni<Page<SponsorView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                       @QueryParam("cursor") String cursor) {
        TimeCursor after = TimeCursor.parse(cursor);
        return catalog.page(callers.tenant(), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<Sponsor> page = found.size() > limit ? found.subList(0, limit) : found;
                    Sponsor last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(SponsorView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("sponsor:read")
    public Uni<SponsorView> get(@PathParam("id") UUID id) {
        return catalog.find(callers.tenant(), id).map(SponsorView::of);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("sponsor:update")
    public Uni<SponsorView> update(@PathParam("id") UUID id, @Valid @NotNull SponsorPatch patch) {
        SponsorFields changes = new SponsorFields(patch.name() == null ? null : patch.name().strip(), patch.company(), patch.email(),
                patch.contactName(), patch.websiteUrl(), patch.logoUrl(), patch.industry());
        if (changes.isEmpty()) {
            throw ProblemException.badRequest("body", "names no field to change");
        }
        return catalog.update(callers.tenant(), id, changes).map(SponsorView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("sponsor:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }
}
