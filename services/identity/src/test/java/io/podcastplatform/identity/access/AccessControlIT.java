package io.podcastplatform.identity.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RBAC and ABAC decided together through the real API: roles grant, deny policies win, grants expire. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class AccessControlIT {

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    private static RequestSpecification alice() {
        return as("alice@acme.test", "alice");
    }

    private static RequestSpecification victor() {
        return as("victor@acme.test", "victor");
    }

    /** Victor, a viewer of acme, known to identity once he has made a request. */
    private static String victorId() {
        victor().when().get("/v1/tenants/current").then().statusCode(200);
        return Keycloak.claims(Keycloak.accessToken("victor@acme.test", "victor")).get("sub").asText();
    }

    private static String newRole(String resource) {
        String name = "r-" + UUID.randomUUID().toString().substring(0, 8);
        return alice().body("{\"name\":\"" + name + "\",\"permissions\":[\"" + resource + ":update\"]}").when().post("/v1/roles")
                .then().statusCode(201).extract().path("id");
    }

    private static void evaluateAsVictor(String resource, boolean allowed, String decidedBy) {
        victor().body("{\"resource\":\"" + resource + "\",\"action\":\"update\"}").when().post("/v1/access/evaluate")
                .then().statusCode(200).body("allowed", equalTo(allowed)).body("decidedBy", equalTo(decidedBy));
    }

    @Test
    void aCustomRoleGrantsItsPermissionsToItsMembersOnly() {
        String victor = victorId();
        String resource = "campaign-" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String role = newRole(resource);
        evaluateAsVictor(resource, false, "default");

        alice().body("{}").when().put("/v1/users/" + victor + "/roles/" + role).then().statusCode(200).body("roleId", hasItem(role));
        evaluateAsVictor(resource, true, "role");
        alice().when().get("/v1/roles").then().statusCode(200).body("name", hasItems("owner", "viewer")).body("id", hasItem(role));

        alice().when().delete("/v1/users/" + victor + "/roles/" + role).then().statusCode(200).body("roleId", not(hasItem(role)));
        evaluateAsVictor(resource, false, "default");
    }

    @Test
    void anAssignmentStopsGrantingWhenItExpires() {
        String victor = victorId();
        String resource = "sponsor-" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String role = newRole(resource);

        alice().body("{\"expiresAt\":\"" + OffsetDateTime.now().plusSeconds(3) + "\"}").when().put("/v1/users/" + victor + "/roles/" + role)
                .then().statusCode(200);
        evaluateAsVictor(resource, true, "role");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> evaluateAsVictor(resource, false, "default"));
    }

    @Test
    void aMatchingDenyPolicyWinsEvenOverTheOwnerAndIsLoggedWhenAsked() {
        String resource = "report-" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String name = "no loopback edits " + UUID.randomUUID();
        String policy = alice().body("{\"name\":\"" + name + "\",\"effect\":\"DENY\",\"resource\":\"" + resource + "\",\"action\":\"update\","
                        + "\"conditions\":{\"request.ip\":{\"cidr\":\"127.0.0.0/8\"}},\"priority\":10,\"logDecisions\":true}")
                .when().post("/v1/access-policies").then().statusCode(201).extract().path("id");
        try {
            alice().body("{\"resource\":\"" + resource + "\",\"action\":\"update\"}").when().post("/v1/access/evaluate")
                    .then().statusCode(200).body("allowed", equalTo(false)).body("decidedBy", equalTo("policy")).body("policy", equalTo(name));
            alice().body("{\"resource\":\"" + resource + "\",\"action\":\"read\"}").when().post("/v1/access/evaluate")
                    .then().statusCode(200).body("allowed", equalTo(true));
            alice().when().get("/v1/access-logs?limit=500").then().statusCode(200).body("policy", hasItem(name));
            as("bob@globex.test", "bob").when().get("/v1/access-logs?limit=500").then().statusCode(200).body("policy", not(hasItem(name)));

            alice().body("{\"enabled\":false}").when().patch("/v1/access-policies/" + policy).then().statusCode(200).body("enabled", equalTo(false));
            alice().body("{\"resource\":\"" + resource + "\",\"action\":\"update\"}").when().post("/v1/access/evaluate")
                    .then().statusCode(200).body("allowed", equalTo(true)).body("decidedBy", equalTo("role"));
        } finally {
            alice().when().delete("/v1/access-policies/" + policy).then().statusCode(204);
        }
    }

    @Test
    void otherTenantsCannotTouchTheRolesOfAMember() {
        String victor = victorId();
        String role = newRole("podcast");

        as("bob@globex.test", "bob").when().get("/v1/users/" + victor + "/roles").then().statusCode(404);
        as("bob@globex.test", "bob").body("{}").when().put("/v1/users/" + victor + "/roles/" + role).then().statusCode(404);
        as("bob@globex.test", "bob").when().delete("/v1/roles/" + role).then().statusCode(404);
        victor().body("{}").when().put("/v1/users/" + victor + "/roles/" + role).then().statusCode(403);
        // a viewer may read policies, so may evaluate others, but only members of the tenant
        victor().body("{\"subjectId\":\"" + UUID.randomUUID() + "\",\"resource\":\"podcast\",\"action\":\"read\"}")
                .when().post("/v1/access/evaluate").then().statusCode(404);
    }

    @Test
    void badAccessInputIsNamed() {
        alice().body("{\"name\":\"owner\",\"permissions\":[\"podcast:read\"]}").when().post("/v1/roles")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        alice().body("{\"name\":\"fine-name\",\"permissions\":[\"podcast\"]}").when().post("/v1/roles")
                .then().statusCode(400).body("errors[0].field", equalTo("permissions[0]"));
        alice().body("{\"name\":\"p\",\"effect\":\"DENY\",\"resource\":\"podcast\",\"action\":\"update\",\"conditions\":{\"ip\":{\"equals\":\"x\"}}}")
                .when().post("/v1/access-policies").then().statusCode(400).body("errors[0].field", equalTo("conditions"));
        alice().body("{\"name\":\"p\",\"effect\":\"MAYBE\",\"resource\":\"podcast\",\"action\":\"update\"}")
                .when().post("/v1/access-policies").then().statusCode(400).body("errors[0].field", equalTo("effect"));
        alice().body("{\"resource\":\"podcast\",\"action\":\"fly\"}").when().post("/v1/access/evaluate")
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
        alice().body("{\"expiresAt\":\"2001-01-01T00:00:00Z\"}").when().put("/v1/users/" + UUID.randomUUID() + "/roles/" + UUID.randomUUID())
                .then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
    }
}
