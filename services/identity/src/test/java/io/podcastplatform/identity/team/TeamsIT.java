package io.podcastplatform.identity.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealStackResource.class)
class TeamsIT {

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    private static RequestSpecification alice() {
        return as("alice@acme.test", "alice");
    }

    private static String aliceId() {
        alice().when().get("/v1/tenants/current").then().statusCode(200);
        return Keycloak.claims(Keycloak.accessToken("alice@acme.test", "alice")).get("sub").asText();
    }

    @Test
    void aTeamGathersMembersOfItsTenantWithTheirRoleAndGrants() {
        String member = aliceId();
        String name = "Sponsor desk " + UUID.randomUUID().toString().substring(0, 6);
        String id = alice().body("{\"name\":\"" + name + "\",\"settings\":{\"timezone\":\"Europe/Paris\"}}").when().post("/v1/teams")
                .then().statusCode(201).body("name", equalTo(name)).body("settings.timezone", equalTo("Europe/Paris")).extract().path("id");

        alice().body("{\"role\":\"admin\",\"permissions\":[\"campaign:manage\"]}").when().put("/v1/teams/" + id + "/members/" + member)
                .then().statusCode(200).body("members.userId", contains(member)).body("members[0].role", equalTo("admin"))
                .body("members[0].permissions", contains("campaign:manage"));
        alice().when().get("/v1/teams").then().statusCode(200).body("name", hasItem(name));

        as("bob@globex.test", "bob").when().get("/v1/teams/" + id).then().statusCode(404);
        as("bob@globex.test", "bob").when().get("/v1/teams").then().statusCode(200).body("name", not(hasItem(name)));
        as("bob@globex.test", "bob").body("{\"role\":\"member\"}").when().put("/v1/teams/" + id + "/members/" + member).then().statusCode(404);

        alice().when().delete("/v1/teams/" + id + "/members/" + member).then().statusCode(200).body("members", empty());
        alice().body("{\"active\":false}").when().patch("/v1/teams/" + id).then().statusCode(200).body("active", equalTo(false));
        alice().when().delete("/v1/teams/" + id).then().statusCode(204);
        alice().when().get("/v1/teams/" + id).then().statusCode(404);
    }

    @Test
    void badTeamInputIsNamedAndDuplicatesConflict() {
        String name = "Dup " + UUID.randomUUID().toString().substring(0, 6);
        String id = alice().body("{\"name\":\"" + name + "\"}").when().post("/v1/teams").then().statusCode(201).extract().path("id");

        alice().body("{\"name\":\"" + name + "\"}").when().post("/v1/teams").then().statusCode(409).contentType("application/problem+json");
        alice().body("{\"name\":\"\"}").when().post("/v1/teams").then().statusCode(400).body("errors[0].field", equalTo("name"));
        alice().body("{\"role\":\"captain\"}").when().put("/v1/teams/" + id + "/members/" + UUID.randomUUID())
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        alice().body("{\"role\":\"member\",\"permissions\":[\"everything\"]}").when().put("/v1/teams/" + id + "/members/" + aliceId())
                .then().statusCode(400).body("errors[0].field", equalTo("permissions[0]"));
        alice().body("{\"role\":\"member\"}").when().put("/v1/teams/" + id + "/members/" + UUID.randomUUID())
                .then().statusCode(404);
        as("victor@acme.test", "victor").body("{\"name\":\"viewer team\"}").when().post("/v1/teams").then().statusCode(403);
        given().when().get("/v1/teams").then().statusCode(401);
    }
}
