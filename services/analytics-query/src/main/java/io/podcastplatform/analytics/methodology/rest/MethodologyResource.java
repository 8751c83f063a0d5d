package io.podcastplatform.analytics.methodology.rest;

import io.podcastplatform.analytics.iab.service.WindowMode;
import io.podcastplatform.analytics.methodology.service.Methodology;
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

@Path("/v1/methodology")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Methodology", description = "How downloads are counted: IAB rules, window mode, user-agent lists")
public class MethodologyResource {

    private final Methodology methodology;
    private final Callers callers;

    public MethodologyResource(Methodology methodology, Callers callers) {
        this.methodology = methodology;
        this.callers = callers;
    }

    public record WindowChoice(@NotNull WindowMode windowMode) {
    }

    @GET
    @PermissionsAllowed("report:read")
    @Operation(summary = "The counting method in use for the caller's tenant")
    public Uni<Methodology.Description> get() {
        return methodology.describe(callers.tenant());
    }

    @PUT
    @Path("/window-mode")
    @PermissionsAllowed("report:manage")
    @Operation(summary = "Choose the tenant's 24-hour de-duplication window: FIXED_UTC_DAY, ROLLING or EXTENDING")
    public Uni<Methodology.Description> setWindowMode(@Valid @NotNull WindowChoice choice) {
        return methodology.setWindowMode(callers.tenant(), choice.windowMode(), callers.current().subject());
    }
}
