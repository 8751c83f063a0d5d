package io.podcastplatform.identity.tenant.rest;

import io.podcastplatform.events.tenant.TenantStatus;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.identity.tenant.service.Tenant;
import io.podcastplatform.identity.tenant.service.TenantRegistry;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.security.permission.SystemRoles;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants")
public class TenantResource {

    private final TenantRegistry registry;
    private final Callers callers;

    public TenantResource(TenantRegistry registry, Callers callers) {
        this.registry = registry;
        this.callers = callers;
    }

    @GET
    @Path("/current")
    @Authenticated
    @Operation(summary = "The caller's own tenant")
    public Uni<TenantView> current() {
        return registry.find(callers.current(), callers.tenant()).map(TenantView::of);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "A tenant: any for a platform administrator, only one's own otherwise (404 for others)")
    public Uni<TenantView> get(@PathParam("id") UUID id) {
        return registry.find(callers.current(), id).map(TenantView::of);
    }

    @GET
    @RolesAllowed(SystemRoles.PLATFORM_ADMIN)
    @Operation(summary = "All tenants by slug (platform administrators)")
    public Uni<Page<TenantView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                      @QueryParam("after") String afterSlug) {
        return registry.page(afterSlug, limit + 1).map(found -> Page.of(found, limit, TenantView::of, Tenant::slug));
    }

    @POST
    @RolesAllowed(SystemRoles.PLATFORM_ADMIN)
    @Operation(summary = "Create a tenant (platform administrators)")
    public Uni<Response> create(@Valid @NotNull TenantRequests.Create request) {
        return registry.register(request.slug(), request.name().strip(), request.tier() == null ? "starter" : request.tier())
                .map(tenant -> Response.created(URI.create("/v1/tenants/" + tenant.id())).entity(TenantView.of(tenant)).build());
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Rename a tenant (its owners and admins) or change its tier (platform administrators)")
    public Uni<TenantView> update(@PathParam("id") UUID id, @Valid @NotNull TenantRequests.Update request) {
        if (request.name() == null && request.tier() == null) {
            throw ProblemException.badRequest("body", "give a name, a tier or both");
        }
        return callers.requirePermission("tenant:update")
                .flatMap(allowed -> registry.update(callers.current(), id, request.name() == null ? null : request.name().strip(), request.tier()))
                .map(TenantView::of);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(SystemRoles.PLATFORM_ADMIN)
    @Operation(summary = "Suspend: the tenant may still read but not write")
    public Uni<TenantView> suspend(@PathParam("id") UUID id) {
        return registry.changeStatus(id, TenantStatus.SUSPENDED).map(TenantView::of);
    }

    @POST
    @Path("/{id}/reactivate")
    @RolesAllowed(SystemRoles.PLATFORM_ADMIN)
    public Uni<TenantView> reactivate(@PathParam("id") UUID id) {
        return registry.changeStatus(id, TenantStatus.ACTIVE).map(TenantView::of);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(SystemRoles.PLATFORM_ADMIN)
    @Operation(summary = "Cancel: the tenant may no longer use the platform")
    public Uni<TenantView> cancel(@PathParam("id") UUID id) {
        return registry.changeStatus(id, TenantStatus.CANCELLED).map(TenantView::of);
    }
}
