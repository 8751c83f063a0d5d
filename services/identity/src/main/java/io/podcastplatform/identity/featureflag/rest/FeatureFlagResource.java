package io.podcastplatform.identity.featureflag.rest;

import io.podcastplatform.identity.featureflag.service.FeatureFlag;
import io.podcastplatform.identity.featureflag.service.FeatureFlags;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.security.permission.SystemRoles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/feature-flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feature flags", description = "Platform defaults with per-tenant overrides; the override wins")
public class FeatureFlagResource {

    private static final String KEY = "^[a-z][a-z0-9.-]{1,63}$";

    private final FeatureFlags flags;
    private final Callers callers;

    public FeatureFlagResource(FeatureFlags flags, Callers callers) {
        this.flags = flags;
        this.callers = callers;
    }

    public record DefaultRequest(@Size(max = 500) String description, @NotNull Boolean enabled) {
    }

    public record OverrideRequest(@NotNull Boolean enabled) {
    }

    @GET
    @Authenticated
    @Operation(summary = "Every flag as it applies to the caller's tenant")
    public Uni<List<FeatureFlag>> list() {
        return flags.effective(callers.current());
    }

    @GET
    @Path("/{key}")
    @Authenticated
    public Uni<FeatureFlag> get(@PathParam("key") @Pattern(regexp = KEY, message = "lower-case letters, digits, dots and hyphens") String key) {
        return flags.effective(callers.current(), key);
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed(SystemRoles.PLATFORM_ADMIN)
    @Operation(summary = "Create or change a flag and its default (platform administrators)")
    public Uni<FeatureFlag> setDefault(@PathParam("key") @Pattern(regexp = KEY, message = "lower-case letters, digits, dots and hyphens") String key,
                                       @Valid @NotNull DefaultRequest request) {
        return flags.setDefault(key, request.description() == null ? "" : request.description().strip(), request.enabled());
    }

    @PUT
    @Path("/{key}/override")
    @PermissionsAllowed("feature-flag:manage")
    @Operation(summary = "Set the flag for the caller's tenant, whatever the default")
    public Uni<FeatureFlag> override(@PathParam("key") @Pattern(regexp = KEY, message = "lower-case letters, digits, dots and hyphens") String key,
                                     @Valid @NotNull OverrideRequest request) {
        return flags.override(callers.tenant(), key, request.enabled());
    }

    @DELETE
    @Path("/{key}/override")
    @PermissionsAllowed("feature-flag:manage")
    @Operation(summary = "Go back to the default for the caller's tenant")
    public Uni<FeatureFlag> clearOverride(@PathParam("key") @Pattern(regexp = KEY, message = "lower-case letters, digits, dots and hyphens") String key) {
        return flags.clearOverride(callers.tenant(), key);
    }
}
