package io.podcastplatform.identity.apikey.rest;

import io.podcastplatform.identity.apikey.service.ApiKey;
import io.podcastplatform.identity.apikey.service.ApiKeyService;
import io.podcastplatform.identity.apikey.service.NewApiKey;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
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
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
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
        Cursor after = Cursor.parse(cursor);
        return keys.page(callers.tenant(), after == null ? null : after.createdAt(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<ApiKey> page = found.size() > limit ? found.subList(0, limit) : found;
                    String next = found.size() > limit ? Cursor.of(page.get(page.size() - 1)) : null;
                    return new Page<>(page.stream().map(key -> ApiKeyView.of(key, null)).toList(), next);
                });
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

    /** Opaque keyset cursor: the creation time and id of the last key of the previous page. */
    record Cursor(OffsetDateTime createdAt, UUID id) {

        static String of(ApiKey key) {
            String raw = key.createdAt() + "|" + key.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
            }
        }
    }
}
