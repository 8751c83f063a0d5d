package io.podcastplatform.identity.user.rest;

import io.podcastplatform.identity.user.service.User;
import io.podcastplatform.identity.user.service.Users;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.web.paging.TimeCursor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Members of the caller's tenant; sign-in, passwords and email verification are Keycloak's")
public class UserResource {

    private final Users users;
    private final Callers callers;

    public UserResource(Users users, Callers callers) {
        this.users = users;
        this.callers = callers;
    }

    public record Invitation(@NotBlank @Email @Size(max = 254) String email,
                             @NotBlank @Size(max = 100) String firstName,
                             @NotBlank @Size(max = 100) String lastName,
                             @NotEmpty @Size(max = 5) Set<@NotBlank String> roles) {
    }

    public record Change(Boolean enabled, @Size(min = 1, max = 5) Set<@NotBlank String> roles) {
    }

    @POST
    @PermissionsAllowed("user:create")
    @Operation(summary = "Invite a member: Keycloak asks them to set a password and verify their email")
    public Uni<Response> invite(@Valid @NotNull Invitation invitation) {
        String email = invitation.email().strip().toLowerCase(Locale.ROOT);
        return users.invite(callers.current(), callers.tenant(), email, invitation.firstName().strip(), invitation.lastName().strip(), invitation.roles())
                .map(user -> Response.created(URI.create("/v1/users/" + user.id())).entity(user).build());
    }

    @GET
    @PermissionsAllowed("user:read")
    public Uni<Page<User>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        TimeCursor after = TimeCursor.parse(cursor);
        return users.page(callers.tenant(), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> Page.of(found, limit, user -> user, user -> new TimeCursor(user.createdAt(), user.id()).encode()));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("user:read")
    public Uni<User> get(@PathParam("id") UUID id) {
        return users.find(callers.tenant(), id);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("user:update")
    @Operation(summary = "Disable or enable sign-in, or replace the member's roles")
    public Uni<User> update(@PathParam("id") UUID id, @Valid @NotNull Change change) {
        return users.update(callers.current(), callers.tenant(), id, change.enabled(), change.roles());
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("user:delete")
    @Operation(summary = "Remove the member from the tenant and from Keycloak")
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return users.remove(callers.tenant(), id).map(done -> Response.noContent().build());
    }
}
