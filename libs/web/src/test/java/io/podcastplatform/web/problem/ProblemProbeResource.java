package io.podcastplatform.web.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A resource that exists only in this test, shaped like the services' resources. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProblemProbeResource {

    public enum Kind { WRITE, SECRET }

    public record Member(@NotBlank String name, @Email @NotBlank String email) {
    }

    public record Invite(@NotNull Kind kind, @Max(100) int seats, @Valid List<Member> members) {
    }

    @POST
    @Path("/invites")
    public Invite create(@Valid @NotNull Invite invite) {
        return invite;
    }

    @GET
    @Path("/things/{id}")
    public String find(@PathParam("id") String id, @QueryParam("limit") @Max(500) Integer limit) {
        if (id.equals("gone")) {
            throw ProblemException.notFound("thing", id);
        }
        if (id.equals("boom")) {
            throw new IllegalStateException("secret internal detail");
        }
        return "{}";
    }
}
