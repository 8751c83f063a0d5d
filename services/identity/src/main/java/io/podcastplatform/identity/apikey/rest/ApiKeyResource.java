package io.podcastplatform.identity.apikey.rest;

import io.podcastplatform.identity.apikey.service.ApiKeyService;
import io.podcastplatform.identity.apikey.service.NewApiKey;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.web.paging.TimeCursor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Write keys (pk_) for pixels and SDKs, secret keys (sk_) for servers")
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final Callers callers;

    public ApiKeyResource(ApiKeyService keys, Callers callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @POST
    @PermissionsAllowed("api-key:create")
    @Operation(summary = "Create a key; the answer is the only time the full key is shown")
    public Uni<Response> create(@Valid @NotNull ApiKeyRequest request) {
        NewApiKey key = new NewApiKey(request.name().strip(), request.type().toType(), request.scopes(),
                request.expiresAt(), request.rateLimitPerHour());
        return keys.issue(callers.current(), callers.tenant(), key).map(issued -> Response
                .created(URI.create("/v1/api-keys/" + issued.key().id()))
                .entity(ApiKeyView.of(issued.key(), issued.secret()))
                .build());
    }

    @GET
    @PermissionsAllowed("api-key:read")
    @Operation(summary = "The tenant's keys, newest first, without secrets")
    public Uni<Page<ApiKeyView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                      @QueryParam("cursor") String cursor) {
        TimeCursor after = TimeCursor.parse(cursor);
        return keys.page(callers.tenant(), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> Page.of(found, limit, key -> ApiKeyView.of(key, null), key -> new TimeCursor(key.createdAt(), key.id()).encode()));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("api-key:read")
    public Uni<ApiKeyView> get(@PathParam("id") UUID id) {
        return keys.find(callers.tenant(), id).map(key -> ApiKeyView.of(key, null));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("api-key:delete")
    @Operation(summary = "Revoke a key; every service refuses it within seconds")
    public Uni<ApiKeyView> revoke(@PathParam("id") UUID id) {
        return keys.revoke(callers.tenant(), id).map(key -> ApiKeyView.of(key, null));
    }
}
