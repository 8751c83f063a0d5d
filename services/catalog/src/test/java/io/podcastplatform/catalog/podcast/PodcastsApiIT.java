package io.podcastplatform.catalog.podcast;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Podcasts through the real API: tenants apart, errors as problems, idempotent creates. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class PodcastsApiIT {

    private final TestDatabase db = TestDatabase.as("catalog_app");

    @Test
    void aPodcastIsCreatedReadChangedAndDeleted() {
        TenantCaller caller = TenantCaller.fresh();
        String id = caller.request().body("{\"title\":\" Night Owl \",\"description\":\"Late talk\",\"websiteUrl\":\"https://owl.example.com\"}")
                .when().post("/v1/podcasts").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/v1/podcasts/"))
                .body("title", equalTo("Night Owl")).body("ingestionStatus", equalTo("not_imported")).body("version", equalTo(1))
                .extract().path("id");

        caller.request().when().get("/v1/podcasts/" + id).then().statusCode(200).body("description", equalTo("Late talk"));
        caller.request().body("{\"title\":\"Night Owl Radio\"}").when().patch("/v1/podcasts/" + id).then().statusCode(200)
                .body("title", equalTo("Night Owl Radio")).body("websiteUrl", equalTo("https://owl.example.com"))
                .body("version", equalTo(2));
        caller.request().when().get("/v1/podcasts?limit=200").then().statusCode(200).body("items.id", hasItem(id));

        caller.request().when().delete("/v1/podcasts/" + id).then().statusCode(204);
        caller.request().when().get("/v1/podcasts/" + id).then().statusCode(404).contentType("application/problem+json");
        caller.request().when().get("/v1/podcasts?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        assertThat(db.countInTenant(caller.tenantId(), "SELECT 1 FROM catalog.podcast WHERE id = ?::uuid AND deleted_at IS NOT NULL", id))
                .as("soft-deleted, kept for history").isEqualTo(1);
    }

    @Test
    void anotherTenantNeitherReadsNorChangesNorDeletes() {
        TenantCaller owner = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String id = owner.request().body("{\"title\":\"Private show\"}").when().post("/v1/podcasts").then().statusCode(201)
                .extract().path("id");

        stranger.request().when().get("/v1/podcasts/" + id).then().statusCode(404).contentType("application/problem+json");
        stranger.request().body("{\"title\":\"Hijacked\"}").when().patch("/v1/podcasts/" + id).then().statusCode(404);
        stranger.request().when().delete("/v1/podcasts/" + id).then().statusCode(404);
        stranger.request().when().post("/v1/podcasts/" + id + "/import").then().statusCode(404);
        stranger.request().when().get("/v1/podcasts?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));

        owner.request().when().get("/v1/podcasts/" + id).then().statusCode(200).body("title", equalTo("Private show"));
    }

    @Test
    void keycloakUsersOfDifferentTenantsStayApart() {
        RequestSpecification alice = given().auth().oauth2(Keycloak.accessToken("alice@acme.test", "alice")).contentType(ContentType.JSON);
        RequestSpecification bob = given().auth().oauth2(Keycloak.accessToken("bob@globex.test", "bob")).contentType(ContentType.JSON);
        String id = alice.body("{\"title\":\"Acme Weekly " + UUID.randomUUID() + "\"}").when().post("/v1/podcasts").then()
                .statusCode(201).extract().path("id");

        bob.when().get("/v1/podcasts/" + id).then().statusCode(404);
        bob.body("{\"title\":\"Globex now\"}").when().patch("/v1/podcasts/" + id).then().statusCode(404);
        bob.when().delete("/v1/podcasts/" + id).then().statusCode(404);
        alice.when().get("/v1/podcasts/" + id).then().statusCode(200);
        alice.when().delete("/v1/podcasts/" + id).then().statusCode(204);
    }

    @Test
    void anonymousCallsAreUnauthorized() {
        given().when().get("/v1/podcasts").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"title\":\"x\"}").when().post("/v1/podcasts").then().statusCode(401);
        given().when().get("/v1/podcasts/" + UUID.randomUUID()).then().statusCode(401);
        given().when().post("/v1/podcasts/" + UUID.randomUUID() + "/import").then().statusCode(401);
    }

    @Test
    void aReadOnlyKeyCannotWrite() {
        TenantCaller reader = TenantCaller.fresh("*:read");

        reader.request().body("{\"title\":\"Nope\"}").when().post("/v1/podcasts").then().statusCode(403)
                .contentType("application/problem+json");
        reader.request().when().get("/v1/podcasts").then().statusCode(200);
    }

    @Test
    void badInputNamesTheField() {
        TenantCaller caller = TenantCaller.fresh();

        caller.request().body("{}").when().post("/v1/podcasts").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("title"));
        caller.request().body("{\"title\":\"x\",\"feedUrl\":\"file:///etc/passwd\"}").when().post("/v1/podcasts").then()
                .statusCode(400).body("errors[0].field", equalTo("feedUrl"));
        caller.request().body("{\"title\":\"x\",\"feedUrl\":\"not a url\"}").when().post("/v1/podcasts").then()
                .statusCode(400).body("errors[0].field", equalTo("feedUrl"));
        caller.request().body("{\"title\":\"" + "x".repeat(501) + "\"}").when().post("/v1/podcasts").then()
                .statusCode(400).body("errors[0].field", equalTo("title"));
        caller.request().body("{\"title\":").when().post("/v1/podcasts").then().statusCode(400)
                .contentType("application/problem+json");
        caller.request().body("[1]").when().post("/v1/podcasts").then().statusCode(400);
        caller.request().when().get("/v1/podcasts?cursor=garbage").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        caller.request().when().get("/v1/podcasts?limit=0").then().statusCode(400);
        caller.request().when().get("/v1/podcasts/not-a-uuid").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        String id = caller.request().body("{\"title\":\"ok\"}").when().post("/v1/podcasts").then().statusCode(201).extract().path("id");
        caller.request().body("{}").when().patch("/v1/podcasts/" + id).then().statusCode(400);
        caller.request().body("{\"title\":\"  \"}").when().patch("/v1/podcasts/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        caller.request().when().post("/v1/podcasts/" + id + "/import").then().statusCode(400)
                .body("errors[0].field", equalTo("feedUrl"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        TenantCaller caller = TenantCaller.fresh();
        String key = "create-" + UUID.randomUUID();
        String body = "{\"title\":\"Exactly once\"}";

        String first = caller.request().header("Idempotency-Key", key).body(body).when().post("/v1/podcasts").then()
                .statusCode(201).extract().asString();
        String again = caller.request().header("Idempotency-Key", key).body(body).when().post("/v1/podcasts").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract().asString();

        assertThat(again).isEqualTo(first);
        caller.request().header("Idempotency-Key", key).body("{\"title\":\"Something else\"}").when().post("/v1/podcasts")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(db.countInTenant(caller.tenantId(), "SELECT 1 FROM catalog.podcast WHERE title = 'Exactly once'")).isEqualTo(1);

        TenantCaller other = TenantCaller.fresh();
        other.request().header("Idempotency-Key", key).body(body).when().post("/v1/podcasts").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void listsArePagedWithCursors() {
        TenantCaller caller = TenantCaller.fresh();
        for (int i = 0; i < 5; i++) {
            caller.request().body("{\"title\":\"Show " + i + "\"}").when().post("/v1/podcasts").then().statusCode(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = caller.request().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/v1/podcasts").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(5);
        assertThat(pages).isEqualTo(3);
    }
}
