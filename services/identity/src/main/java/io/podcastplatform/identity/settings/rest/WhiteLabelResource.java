package io.podcastplatform.identity.settings.rest;

import io.podcastplatform.identity.settings.service.TenantSettings;
import io.podcastplatform.identity.settings.service.WhiteLabel;
import io.podcastplatform.security.caller.Callers;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants/current/white-label")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants")
public class WhiteLabelResource {

    private final TenantSettings settings;
    private final Callers callers;

    public WhiteLabelResource(TenantSettings settings, Callers callers) {
        this.settings = settings;
        this.callers = callers;
    }

    @GET
    @PermissionsAllowed("tenant:read")
    public Uni<WhiteLabel> whiteLabel() {
        return settings.whiteLabel(callers.tenant());
    }

    @PUT
    @PermissionsAllowed("tenant:update")
    @Operation(summary = "Replace the tenant's branding; a custom domain belongs to one tenant only")
    public Uni<WhiteLabel> putWhiteLabel(@Valid @NotNull WhiteLabel whiteLabel) {
        return settings.putWhiteLabel(callers.tenant(), whiteLabel);
    }
}
