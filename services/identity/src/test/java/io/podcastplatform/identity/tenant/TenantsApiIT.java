package io.podcastplatform.identity.tenant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tenants through the real API with real Keycloak tokens. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class TenantsApiIT {

    private static final String ACME = "a1a1a1a1-0000-4000-8000-000000000001";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as("admin@platform.test", "admin");
    }

    @Test
    void aUserSeesTheirOwnTenantAndNobodyElses() {
        as("alice@acme.test", "alice").when().get("/v1/tenants/current").then().statusCode(200)
                .body("id", equalTo(ACME)).body("slug", equalTo("acme")).body("status", equalTo("active"));
        as("alice@acme.test", "alice").when().get("/v1/tenants/" + ACME).then().statusCode(200);
        as("bob@globex.test", "bob").when().get("/v1/tenants/" + ACME).then().statusCode(404)
                .contentType("application/problem+json");
        as("bob@globex.test", "bob").body("{\"name\":\"Hijacked\"}").when().patch("/v1/tenants/" + ACME).then().statusCode(404);
        as("bob@globex.test", "bob").when().get("/v1/tenants").then().statusCode(403);
        given().when().get("/v1/tenants/current").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/v1/tenants/" + ACME).then().statusCode(401);
    }

    @Test
    void onlyAPlatformAdministratorCreatesTenantsAndSlugsAreUnique() {
        String slug = "net-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"slug\":\"" + slug + "\",\"name\":\"Night Network\",\"tier\":\"growth\"}";

        as("alice@acme.test", "alice").body(body).when().post("/v1/tenants").then().statusCode(403);
        String id = admin().body(body).when().post("/v1/tenants").then().statusCode(201)
                .body("slug", equalTo(slug)).body("tier", equalTo("growth")).body("status", equalTo("active"))
                .extract().path("id");
        admin().body(body).when().post("/v1/tenants").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(slug));
        admin().when().get("/v1/tenants/" + id).then().statusCode(200);
        admin().when().get("/v1/tenants?limit=200&after=" + slug.substring(0, 3)).then().statusCode(200).body("items.slug", hasItem(slug));
    }

    @Test
    void invalidTenantInputNamesTheField() {
        admin().body("{\"slug\":\"Bad Slug!\",\"name\":\"x\"}").when().post("/v1/tenants").then().statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        admin().body("{\"slug\":\"ok-slug\"}").when().post("/v1/tenants").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        admin().body("{}").when().patch("/v1/tenants/" + ACME).then().statusCode(400);
        admin().body("[1,2]").when().post("/v1/tenants").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void ownersRenameTheirTenantButOnlyTheAdministratorChangesTheTier() {
        as("alice@acme.test", "alice").body("{\"name\":\"Acme Podcast Network\"}").when().patch("/v1/tenants/" + ACME)
                .then().statusCode(200).body("name", equalTo("Acme Podcast Network"));
        as("alice@acme.test", "alice").body("{\"tier\":\"enterprise\"}").when().patch("/v1/tenants/" + ACME)
                .then().statusCode(403);
        as("victor@acme.test", "victor").body("{\"name\":\"Viewer was here\"}").when().patch("/v1/tenants/" + ACME)
                .then().statusCode(403);
    }

    @Test
    void aSuspendedTenantMayReadButNotWriteUntilReactivated() {
        String slug = "susp-" + UUID.randomUUID().toString().substring(0, 8);
        UUID tenant = UUID.fromString(admin().body("{\"slug\":\"" + slug + "\",\"name\":\"Suspendable\"}")
                .when().post("/v1/tenants").then().statusCode(201).extract().path("id"));
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("*:manage")).key();
        String newKey = "{\"name\":\"k\",\"type\":\"write\"}";
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(key).contentType(ContentType.JSON).body(newKey)
                .when().post("/v1/api-keys").then().statusCode(201));

        admin().when().post("/v1/tenants/" + tenant + "/suspend").then().statusCode(200).body("status", equalTo("suspended"));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(key).contentType(ContentType.JSON).body(newKey)
                .when().post("/v1/api-keys").then().statusCode(403).body("detail", containsString("suspended")));
        given().auth().oauth2(key).when().get("/v1/api-keys").then().statusCode(200);

        admin().when().post("/v1/tenants/" + tenant + "/reactivate").then().statusCode(200).body("status", equalTo("active"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(key).contentType(ContentType.JSON).body(newKey)
                .when().post("/v1/api-keys").then().statusCode(201));
    }
}
