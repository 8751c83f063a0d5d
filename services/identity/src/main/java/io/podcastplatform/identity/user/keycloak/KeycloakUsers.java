package io.podcastplatform.identity.user.keycloak;

import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * Users in Keycloak through its Admin REST API, as the confidential platform-services client. Passwords,
 * email verification and resets stay Keycloak's: a new user gets the required actions to set them.
 */
@ApplicationScoped
public class KeycloakUsers {

    private final KeycloakAdminApi api;

    public KeycloakUsers(KeycloakAdminApi api) {
        this.api = api;
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
        return api.send(HttpMethod.POST, "/users", user).map(response -> {
            if (response.statusCode() == 409) {
                throw ProblemException.conflict("a user with email " + email + " already exists");
            }
            KeycloakAdminApi.requireSuccess(response, "create the user");
            String location = response.getHeader("Location");
            return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        });
    }

    /** Makes the user's realm roles among {@code manageable} exactly {@code wanted}. */
    public Uni<Void> setRoles(UUID userId, Set<String> wanted, Set<String> manageable) {
        String mappings = "/users/" + userId + "/role-mappings/realm";
        return Uni.combine().all()
                .unis(api.send(HttpMethod.GET, mappings, null), api.send(HttpMethod.GET, mappings + "/available", null))
                .asTuple()
                .flatMap(both -> {
                    KeycloakAdminApi.requireSuccess(both.getItem1(), "read the user's roles");
                    KeycloakAdminApi.requireSuccess(both.getItem2(), "read the roles that can be granted");
                    JsonArray current = both.getItem1().bodyAsJsonArray();
                    JsonArray available = both.getItem2().bodyAsJsonArray();
                    JsonArray remove = select(current, role -> manageable.contains(role) && !wanted.contains(role));
                    JsonArray add = select(available, wanted::contains);
                    Uni<Void> removed = remove.isEmpty() ? Uni.createFrom().voidItem()
                            : api.send(HttpMethod.DELETE, mappings, remove).invoke(r -> KeycloakAdminApi.requireSuccess(r, "remove roles")).replaceWithVoid();
                    return removed.flatMap(done -> add.isEmpty() ? Uni.createFrom().voidItem()
                            : api.send(HttpMethod.POST, mappings, add).invoke(r -> KeycloakAdminApi.requireSuccess(r, "grant roles")).replaceWithVoid());
                });
    }

    /** The names of the user's realm roles. */
    public Uni<java.util.List<String>> realmRoles(UUID userId) {
        return api.send(HttpMethod.GET, "/users/" + userId + "/role-mappings/realm", null).map(response -> {
            KeycloakAdminApi.requireSuccess(response, "read the user's roles");
            JsonArray roles = response.bodyAsJsonArray();
            java.util.ArrayList<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < roles.size(); i++) {
                names.add(roles.getJsonObject(i).getString("name"));
            }
            return names;
        });
    }

    public Uni<Void> setEnabled(UUID userId, boolean enabled) {
        return api.send(HttpMethod.PUT, "/users/" + userId, new JsonObject().put("enabled", enabled))
                .invoke(response -> KeycloakAdminApi.requireSuccess(response, "change the user")).replaceWithVoid();
    }

    /** Removes the user; one already gone is fine. */
    public Uni<Void> delete(UUID userId) {
        return api.send(HttpMethod.DELETE, "/users/" + userId, null).invoke(response -> {
            if (response.statusCode() != 404) {
                KeycloakAdminApi.requireSuccess(response, "remove the user");
            }
        }).replaceWithVoid();
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
}
