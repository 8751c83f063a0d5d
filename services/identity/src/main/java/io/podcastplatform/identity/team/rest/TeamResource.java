package io.podcastplatform.identity.team.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.podcastplatform.identity.team.service.Team;
import io.podcastplatform.identity.team.service.Teams;
import io.podcastplatform.security.caller.Callers;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "Workspaces of an agency or network, with their members")
public class TeamResource {

    private final Teams teams;
    private final Callers callers;

    public TeamResource(Teams teams, Callers callers) {
        this.teams = teams;
        this.callers = callers;
    }

    public enum TeamRole {
        @JsonProperty("owner") OWNER, @JsonProperty("admin") ADMIN, @JsonProperty("member") MEMBER, @JsonProperty("viewer") VIEWER
    }

    public record NewTeam(@NotBlank @Size(max = 200) String name, Map<String, Object> settings) {
    }

    public record TeamChange(@Size(min = 1, max = 200) String name, Map<String, Object> settings, Boolean active) {
    }

    public record Membership(@NotNull TeamRole role, @Size(max = 50) List<@NotBlank String> permissions) {
    }

    @POST
    @PermissionsAllowed("team:create")
    public Uni<Response> create(@Valid @NotNull NewTeam team) {
        return teams.create(callers.tenant(), team.name().strip(), team.settings() == null ? Map.of() : team.settings(), callers.current().subject())
                .map(created -> Response.created(URI.create("/v1/teams/" + created.id())).entity(created).build());
    }

    @GET
    @PermissionsAllowed("team:read")
    public Uni<List<Team>> list() {
        return teams.list(callers.tenant());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("team:read")
    public Uni<Team> get(@PathParam("id") UUID id) {
        return teams.find(callers.tenant(), id);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("team:update")
    public Uni<Team> update(@PathParam("id") UUID id, @Valid @NotNull TeamChange change) {
        return teams.update(callers.tenant(), id, change.name() == null ? null : change.name().strip(), change.settings(), change.active());
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("team:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return teams.delete(callers.tenant(), id).map(done -> Response.noContent().build());
    }

    @PUT
    @Path("/{id}/members/{userId}")
    @PermissionsAllowed("team:update")
    public Uni<Team> putMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId, @Valid @NotNull Membership membership) {
        return teams.putMember(callers.tenant(), id, userId, membership.role().name().toLowerCase(Locale.ROOT),
                membership.permissions() == null ? List.of() : membership.permissions());
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @PermissionsAllowed("team:update")
    public Uni<Team> removeMember(@PathParam("id") UUID id, @PathParam("userId") UUID userId) {
        return teams.removeMember(callers.tenant(), id, userId);
    }
}
