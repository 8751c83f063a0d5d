package io.podcastplatform.catalog.sponsor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sponsors through the real API. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class SponsorsApiIT {

    private final TestDatabase db = TestDatabase.as("catalog_app");

    @Test
    void aSponsorIsCreatedReadChangedAndDeleted() {
        TenantCaller caller = TenantCaller.fresh();
        String id = caller.request().body("""
                        {"name":"Mattress Co","company":"Mattress Company Ltd","email":"ads@mattress.example.com",
                         "contactName":"Sam","websiteUrl":"https://mattress.example.com","logoUrl":"https://cdn.example.com/m.png",
                         "industry":"retail"}""")
                .when().post("/v1/sponsors").then().statusCode(201).body("name", equalTo("Mattress Co"))
                .body("industry", equalTo("retail")).extract().path("id");

        caller.request().when().get("/v1/sponsors/" + id).then().statusCode(200).body("contactName", equalTo("Sam"));
        caller.request().body("{\"industry\":\"sleep\"}").when().patch("/v1/sponsors/" + id).then().statusCode(200)
                .body("industry", equalTo("sleep")).body("name", equalTo("Mattress Co")).body("version", equalTo(2));
        caller.request().when().get("/v1/sponsors?limit=200").then().statusCode(200).body("items.id", hasItem(id));
        caller.request().when().delete("/v1/sponsors/" + id).then().statusCode(204);
        caller.request().when().get("/v1/sponsors/" + id).then().statusCode(404);
        caller.request().when().get("/v1/sponsors?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void tenantsStayApartAndStrangersAreTurnedAway() {
        TenantCaller owner = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String id = owner.request().body("{\"name\":\"VPN Inc\"}").when().post("/v1/sponsors").then().statusCode(201).extract().path("id");

        stranger.request().when().get("/v1/sponsors/" + id).then().statusCode(404);
        stranger.request().body("{\"name\":\"Mine\"}").when().patch("/v1/sponsors/" + id).then().statusCode(404);
        stranger.request().when().delete("/v1/sponsors/" + id).then().statusCode(404);
        given().when().get("/v1/sponsors").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").when().post("/v1/sponsors").then().statusCode(401);
        owner.request().when().get("/v1/sponsors/" + id).then().statusCode(200).body("name", equalTo("VPN Inc"));
    }

    @Test
    void badInputNamesTheField() {
        TenantCaller caller = TenantCaller.fresh();

        caller.request().body("{}").when().post("/v1/sponsors").then().statusCode(400).body("errors[0].field", equalTo("name"));
        caller.request().body("{\"name\":\"x\",\"email\":\"not-an-email\"}").when().post("/v1/sponsors").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        caller.request().body("{\"name\":\"x\",\"websiteUrl\":\"javascript:alert(1)\"}").when().post("/v1/sponsors").then()
                .statusCode(400).body("errors[0].field", equalTo("websiteUrl"));
        caller.request().header("Idempotency-Key", "x".repeat(300)).body("{\"name\":\"x\"}").when().post("/v1/sponsors").then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void anIdempotencyKeyCreatesOnceAndRefusesAnotherBody() {
        TenantCaller caller = TenantCaller.fresh();
        String key = UUID.randomUUID().toString();
        String name = "Once " + key;

        String first = caller.request().header("Idempotency-Key", key).body("{\"name\":\"" + name + "\"}").when().post("/v1/sponsors")
                .then().statusCode(201).extract().path("id");
        String replayed = caller.request().header("Idempotency-Key", key).body("{\"name\":\"" + name + "\"}").when().post("/v1/sponsors")
                .then().statusCode(201).extract().path("id");
        assertThat(replayed).isEqualTo(first);
        caller.request().header("Idempotency-Key", key).body("{\"name\":\"Other\"}").when().post("/v1/sponsors").then().statusCode(422);
        assertThat(db.countInTenant(caller.tenantId(), "SELECT 1 FROM catalog.sponsor WHERE name = ?", name)).isEqualTo(1);
    }
}
