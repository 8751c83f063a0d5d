package io.podcastplatform.identity.access.rest;

import io.podcastplatform.identity.access.service.AccessControl;
import io.podcastplatform.identity.access.service.RoleAssignment;
import io.podcastplatform.security.caller.Callers;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's custom roles; its own root path, as JAX-RS picks one resource class per request path. */
@Path("/v1/users/{userId}/roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access control")
public class UserRoleResource {

    private final AccessControl access;
    private final Callers callers;

    public UserRoleResource(AccessControl access, Callers callers) {
        this.access = access;
        this.callers = callers;
    }

    public record Assignment(@Future OffsetDateTime expiresAt) {
    }

    @GET
    @PermissionsAllowed("user:read")
    @Operation(summary = "A member's custom roles, with their expiry")
    public Uni<List<RoleAssignment>> assignments(@PathParam("userId") UUID userId) {
        return access.assignments(callers.tenant(), userId);
    }

    @PUT
    @Path("/{roleId}")
    @PermissionsAllowed("role:manage")
    @Operation(summary = "Give a member a custom role, until expiresAt when given")
    public Uni<List<RoleAssignment>> assign(@PathParam("userId") UUID userId, @PathParam("roleId") UUID roleId, @Valid Assignment assignment) {
        return access.assign(callers.current(), callers.tenant(), userId, roleId, assignment == null ? null : assignment.expiresAt());
    }

    @DELETE
    @Path("/{roleId}")
    @PermissionsAllowed("role:manage")
    public Uni<List<RoleAssignment>> unassign(@PathParam("userId") UUID userId, @PathParam("roleId") UUID roleId) {
        return access.unassign(callers.tenant(), userId, roleId);
    }
}
