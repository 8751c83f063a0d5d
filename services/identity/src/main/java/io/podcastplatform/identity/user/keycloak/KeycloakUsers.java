package io.podcastplatform.identity.user.keycloak;

import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Users in Keycloak through its Admin REST API, as the confidential platform-services client. Passwords,
 * email verification and resets stay Keycloak's: a new user gets the required actions to set them.
 */
@ApplicationScoped
public class KeycloakUsers {

    private static final Logger LOG = Logger.getLogger(KeycloakUsers.class);

    private final OidcClient tokens;
    private final WebClient http;
    private final String usersUrl;

    public KeycloakUsers(OidcClient tokens, Vertx vertx, KeycloakAdminConfig config) {
        this.tokens = tokens;
        this.http = WebClient.create(vertx);
        this.usersUrl = config.adminUrl().replaceAll("/+$", "") + "/admin/realms/" + config.realm() + "/users";
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Creates the user with the tenant as attributes; 409 when the email is taken in the realm. */
    public Uni<UUID> create(String email, String firstName, String lastName, UUID tenantId, String tenantSlug) {
        JsonObject user = new JsonObject()
                .put("username", email)
                .put("email", email)
                .put("firstName", firstName)
                .put("lastName", lastName)
                .put("enabled", true)
                .put("emailVerified", false)
                .put("requiredActions", new JsonArray().add("UPDATE_PASSWORD").add("VERIFY_EMAIL"))
                .put("attributes", new JsonObject()
                        .put("tenant_id", new JsonArray().add(tenantId.toString()))
                        .put("tenant_slug", new JsonArray().add(tenantSlug)));
        return call(http.postAbs(usersUrl), user).map(response -> {
            if (response.statusCode() == 409) {
                throw ProblemException.conflict("a user with email " + email + " already exists");
            }
            requireSuccess(response, "create the user");
            String location = response.getHeader("Location");
            return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        });
    }

    /** Makes the user's realm roles among {@code manageable} exactly {@code wanted}. */
    public Uni<Void> setRoles(UUID userId, Set<String> wanted, Set<String> manageable) {
        String mappings = usersUrl + "/" + userId + "/role-mappings/realm";
        return Uni.combine().all()
                .unis(call(http.getAbs(mappings), null), call(http.getAbs(mappings + "/available"), null))
                .asTuple()
                .flatMap(both -> {
                    requireSuccess(both.getItem1(), "read the user's roles");
                    requireSuccess(both.getItem2(), "read the roles that can be granted");
                    JsonArray current = both.getItem1().bodyAsJsonArray();
                    JsonArray available = both.getItem2().bodyAsJsonArray();
                    JsonArray remove = select(current, role -> manageable.contains(role) && !wanted.contains(role));
                    JsonArray add = select(available, wanted::contains);
                    Uni<Void> removed = remove.isEmpty() ? Uni.createFrom().voidItem()
                            : call(http.deleteAbs(mappings), remove).invoke(r -> requireSuccess(r, "remove roles")).replaceWithVoid();
                    return removed.flatMap(done -> add.isEmpty() ? Uni.createFrom().voidItem()
                            : call(http.postAbs(mappings), add).invoke(r -> requireSuccess(r, "grant roles")).replaceWithVoid());
                });
    }

    /** The names of the user's realm roles. */
    public Uni<List<String>> realmRoles(UUID userId) {
        return call(http.getAbs(usersUrl + "/" + userId + "/role-mappings/realm"), null).map(response -> {
            requireSuccess(response, "read the user's roles");
            JsonArray roles = response.bodyAsJsonArray();
            java.util.ArrayList<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < roles.size(); i++) {
                names.add(roles.getJsonObject(i).getString("name"));
            }
            return names;
        });
    }

    public Uni<Void> setEnabled(UUID userId, boolean enabled) {
        return call(http.putAbs(usersUrl + "/" + userId), new JsonObject().put("enabled", enabled))
                .invoke(response -> requireSuccess(response, "change the user")).replaceWithVoid();
    }

    /** Removes the user; one already gone is fine. */
    public Uni<Void> delete(UUID userId) {
        return call(http.deleteAbs(usersUrl + "/" + userId), null).invoke(response -> {
            if (response.statusCode() != 404) {
                requireSuccess(response, "remove the user");
            }
        }).replaceWithVoid();
    }

    private Uni<HttpResponse<Buffer>> call(HttpRequest<Buffer> request, Object body) {
        return tokens.getTokens().flatMap(token -> {
            HttpRequest<Buffer> authorised = request.bearerTokenAuthentication(token.getAccessToken()).timeout(10_000);
            return body == null ? authorised.send() : authorised.sendJson(body);
        }).onFailure(failure -> !(failure instanceof ProblemException)).transform(failure ->
                new ProblemException(503, "Keycloak unavailable", "the identity provider did not answer; try again", List.of()));
    }

    private static JsonArray select(JsonArray roles, java.util.function.Predicate<String> keep) {
        JsonArray selected = new JsonArray();
        for (int i = 0; i < roles.size(); i++) {
            JsonObject role = roles.getJsonObject(i);
            if (keep.test(role.getString("name"))) {
                selected.add(role);
            }
        }
        return selected;
    }

    private static void requireSuccess(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() / 100 != 2) {
            LOG.errorf("Keycloak refused to %s: HTTP %d %s", what, response.statusCode(), response.bodyAsString());
            throw new ProblemException(502, "Identity provider error", "Keycloak refused to " + what, List.of());
        }
    }
}
