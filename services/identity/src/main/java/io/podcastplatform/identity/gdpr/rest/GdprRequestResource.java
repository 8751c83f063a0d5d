package io.podcastplatform.identity.gdpr.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.podcastplatform.identity.gdpr.service.GdprRequest;
import io.podcastplatform.identity.gdpr.service.GdprRequests;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.web.paging.TimeCursor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

@Path("/v1/gdpr-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "GDPR", description = "Export and erasure requests of data subjects, acted on by every service")
public class GdprRequestResource {

    private final GdprRequests requests;
    private final Callers callers;

    public GdprRequestResource(GdprRequests requests, Callers callers) {
        this.requests = requests;
        this.callers = callers;
    }

    public enum RequestType { @JsonProperty("export") EXPORT, @JsonProperty("erasure") ERASURE }

    public enum SubjectType { @JsonProperty("user") USER, @JsonProperty("listener") LISTENER }

    public record Subject(@NotNull SubjectType type, @NotBlank @Size(max = 256) String id) {
    }

    public record NewRequest(@NotNull RequestType type, @Valid @NotNull Subject subject) {
    }

    @POST
    @PermissionsAllowed("gdpr-request:create")
    @Operation(summary = "Record a request and hand it to every service; answers 202 as the work goes on elsewhere")
    public Uni<Response> create(@Valid @NotNull NewRequest request) {
        return requests.receive(callers.current(), callers.tenant(), request.type().name(), request.subject().type().name(),
                        request.subject().id().strip())
                .map(created -> Response.accepted(created).location(URI.create("/v1/gdpr-requests/" + created.id())).build());
    }

    @GET
    @PermissionsAllowed("gdpr-request:read")
    public Uni<Page<GdprRequest>> list(@QueryParam("cursor") String cursor,
                                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        TimeCursor after = TimeCursor.parse(cursor);
        return requests.page(callers.tenant(), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> Page.of(found, limit, request -> request, request -> new TimeCursor(request.requestedAt(), request.id()).encode()));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("gdpr-request:read")
    public Uni<GdprRequest> get(@PathParam("id") UUID id) {
        return requests.find(callers.tenant(), id);
    }
}
