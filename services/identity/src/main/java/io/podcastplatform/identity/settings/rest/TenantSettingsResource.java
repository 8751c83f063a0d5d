package io.podcastplatform.identity.settings.rest;

import io.podcastplatform.identity.settings.service.TenantSettings;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tenants/current/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants")
public class TenantSettingsResource {

    private static final String KEY = "^[a-z][a-z0-9_.-]{0,99}$";
    private static final int MAX_VALUE_BYTES = 16 * 1024;

    private final TenantSettings settings;
    private final Callers callers;

    public TenantSettingsResource(TenantSettings settings, Callers callers) {
        this.settings = settings;
        this.callers = callers;
    }

    @GET
    @PermissionsAllowed("tenant:read")
    @Operation(summary = "The caller's tenant's settings, key to JSON value")
    public Uni<Map<String, Object>> all() {
        return settings.all(callers.tenant());
    }

    @PUT
    @Path("/{key}")
    @PermissionsAllowed("tenant:update")
    @Operation(summary = "Set one setting to any JSON value (16 KB at most)")
    public Uni<Map<String, Object>> put(@PathParam("key") @Pattern(regexp = KEY, message = "lower-case letters, digits, _ . -") String key,
                                        @NotNull Object value) {
        if (Json.encode(value).length() > MAX_VALUE_BYTES) {
            throw new ProblemException(413, "Payload too large", "a setting's value is 16 KB at most", java.util.List.of());
        }
        return settings.put(callers.tenant(), key, value, callers.current().subject());
    }

    @DELETE
    @Path("/{key}")
    @PermissionsAllowed("tenant:update")
    public Uni<Map<String, Object>> delete(@PathParam("key") @Pattern(regexp = KEY, message = "lower-case letters, digits, _ . -") String key) {
        return settings.delete(callers.tenant(), key);
    }
}
