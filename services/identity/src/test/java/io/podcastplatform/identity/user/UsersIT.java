package io.podcastplatform.identity.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStack;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Members invited through identity become real Keycloak users of their tenant, and nobody else sees them. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class UsersIT {

    private static final String ACME = "a1a1a1a1-0000-4000-8000-000000000001";
    private static final String KEYCLOAK_USERS = RealStack.OIDC_AUTH_SERVER_URL.replace("/realms/", "/admin/realms/") + "/users/";

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    /** What Keycloak itself holds, read with the services' client as an operator would. */
    private static RequestSpecification keycloakAdmin() {
        String token = given().formParam("grant_type", "client_credentials").formParam("client_id", "platform-services")
                .formParam("client_secret", "platform-services-local-secret")
                .when().post(RealStack.OIDC_AUTH_SERVER_URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(token);
    }

    private static String invite(String roles) {
        String email = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        return as("alice@acme.test", "alice")
                .body("{\"email\":\"" + email + "\",\"firstName\":\"New\",\"lastName\":\"Member\",\"roles\":" + roles + "}")
                .when().post("/v1/users").then().statusCode(201)
                .body("email", equalTo(email)).body("status", equalTo("INVITED")).body("tenantId", equalTo(ACME))
                .extract().path("id");
    }

    @Test
    void anInvitedMemberIsAKeycloakUserOfTheTenantWithTheirRolesAndSetupActions() {
        String id = invite("[\"analyst\"]");
        try {
            JsonPath user = keycloakAdmin().when().get(KEYCLOAK_USERS + id).then().statusCode(200).extract().jsonPath();
            assertThat(user.getList("attributes.tenant_id")).containsExactly(ACME);
            assertThat(user.getList("attributes.tenant_slug")).containsExactly("acme");
            assertThat(user.getList("requiredActions", String.class)).contains("UPDATE_PASSWORD", "VERIFY_EMAIL");
            List<String> roles = keycloakAdmin().when().get(KEYCLOAK_USERS + id + "/role-mappings/realm")
                    .then().statusCode(200).extract().jsonPath().getList("name");
            assertThat(roles).contains("analyst").doesNotContain("owner");

            as("alice@acme.test", "alice").when().get("/v1/users/" + id).then().statusCode(200).body("firstName", equalTo("New"));
            as("bob@globex.test", "bob").when().get("/v1/users/" + id).then().statusCode(404);
            as("bob@globex.test", "bob").body("{\"enabled\":false}").when().patch("/v1/users/" + id).then().statusCode(404);
            as("bob@globex.test", "bob").when().delete("/v1/users/" + id).then().statusCode(404);
            as("bob@globex.test", "bob").when().get("/v1/users?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        } finally {
            as("alice@acme.test", "alice").when().delete("/v1/users/" + id);
        }
    }

    @Test
    void disablingStopsSignInAndRemovingDeletesTheKeycloakUser() {
        String id = invite("[\"viewer\"]");

        as("alice@acme.test", "alice").body("{\"enabled\":false,\"roles\":[\"analyst\"]}").when().patch("/v1/users/" + id)
                .then().statusCode(200).body("status", equalTo("DISABLED"));
        keycloakAdmin().when().get(KEYCLOAK_USERS + id).then().statusCode(200).body("enabled", equalTo(false));
        assertThat(keycloakAdmin().when().get(KEYCLOAK_USERS + id + "/role-mappings/realm").then().extract().jsonPath().getList("name", String.class))
                .contains("analyst").doesNotContain("viewer");

        as("alice@acme.test", "alice").when().delete("/v1/users/" + id).then().statusCode(204);
        keycloakAdmin().when().get(KEYCLOAK_USERS + id).then().statusCode(404);
        as("alice@acme.test", "alice").when().get("/v1/users/" + id).then().statusCode(404);
    }

    @Test
    void rolesAreCheckedAndOnlyMembersWithTheRightMayInvite() {
        as("victor@acme.test", "victor").body("{\"email\":\"x-" + UUID.randomUUID() + "@acme.test\",\"firstName\":\"A\",\"lastName\":\"B\",\"roles\":[\"viewer\"]}")
                .when().post("/v1/users").then().statusCode(403);
        as("alice@acme.test", "alice").body("{\"email\":\"y@acme.test\",\"firstName\":\"A\",\"lastName\":\"B\",\"roles\":[\"platform-admin\"]}")
                .when().post("/v1/users").then().statusCode(400).body("errors[0].field", equalTo("roles"));
        as("alice@acme.test", "alice").body("{\"email\":\"not-an-email\",\"firstName\":\"A\",\"lastName\":\"B\",\"roles\":[\"viewer\"]}")
                .when().post("/v1/users").then().statusCode(400).body("errors[0].field", equalTo("email"));
        as("alice@acme.test", "alice").body("{\"email\":\"alice@acme.test\",\"firstName\":\"A\",\"lastName\":\"B\",\"roles\":[\"viewer\"]}")
                .when().post("/v1/users").then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/users").then().statusCode(401);
    }

    @Test
    void aMembersLastLoginIsRecordedFromTheirToken() {
        String aliceId = Keycloak.claims(Keycloak.accessToken("alice@acme.test", "alice")).get("sub").asText();
        as("alice@acme.test", "alice").when().get("/v1/tenants/current").then().statusCode(200);

        as("alice@acme.test", "alice").when().get("/v1/users/" + aliceId).then().statusCode(200)
                .body("email", equalTo("alice@acme.test")).body("lastLoginAt", notNullValue());
    }
}
