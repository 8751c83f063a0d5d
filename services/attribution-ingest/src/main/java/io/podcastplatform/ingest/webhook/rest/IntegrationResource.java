package io.podcastplatform.ingest.webhook.rest;

import io.podcastplatform.ingest.limits.rest.PageSizes;
import io.podcastplatform.ingest.webhook.service.Integrations;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's partner webhook integrations; the signing secret is in the creation answer only. */
@Path("/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "Partner webhook integrations (Shopify) of the tenant")
public class IntegrationResource {

    /** What a tenant asks for. */
    public record NewIntegration(String partner, String name) {
    }

    private final Integrations integrations;
    private final Callers callers;

    public IntegrationResource(Integrations integrations, Callers callers) {
        this.integrations = integrations;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("integration:manage")
    @Operation(summary = "Create an integration; the answer holds the signing secret, shown this once")
    public Uni<Response> create(NewIntegration request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "must be a JSON object with partner and name");
        }
        if (request.partner() == null || !Integrations.PARTNERS.contains(request.partner())) {
            throw ProblemException.badRequest("partner", "must be one of " + Integrations.PARTNERS);
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw ProblemException.badRequest("name", "is required, 1 to 200 characters");
        }
        return integrations.create(callers.tenant(), request.partner(), request.name().strip())
                .map(created -> Response.status(201).entity(created).build());
    }

    @GET
    @PermissionsAllowed("integration:read")
    @Operation(summary = "The tenant's integrations, newest first, without secrets")
    public Uni<Page<Integrations.View>> list(@QueryParam("limit") @DefaultValue(PageSizes.DEFAULT)
                                             @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                                                     defaultValue = PageSizes.DEFAULT)) String limit,
                                             @QueryParam("cursor") String cursor) {
        return integrations.page(callers.tenant(), TimeCursor.parse(cursor), PageSizes.parse(limit));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("integration:read")
    @Operation(summary = "One integration, without its secret")
    public Uni<Integrations.View> get(@PathParam("id") UUID id) {
        return integrations.find(callers.tenant(), id);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("integration:manage")
    @Operation(summary = "Delete an integration; its webhook URL stops working at once")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return integrations.delete(callers.tenant(), id).map(ignored -> Response.noContent().build());
    }
}
