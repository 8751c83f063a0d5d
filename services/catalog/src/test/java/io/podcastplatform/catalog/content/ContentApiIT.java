package io.podcastplatform.catalog.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Content and series (seed 002) through the real API. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class ContentApiIT {

    @Test
    void contentIsDraftedPublishedOnlyWhenCompleteAndSoftDeleted() {
        TenantCaller caller = TenantCaller.fresh();
        String id = caller.request().body("{\"title\":\"Déjà Vu: Measuring Ads\",\"contentType\":\"video\",\"price\":19.99,"
                        + "\"tags\":[\"ads\",\" iab \"],\"visibility\":\"public\"}")
                .when().post("/v1/content").then().statusCode(201)
                .body("slug", equalTo("deja-vu-measuring-ads")).body("status", equalTo("draft")).body("price", equalTo(19.99f))
                .body("tags", equalTo(List.of("ads", "iab"))).body("publishedAt", nullValue())
                .extract().path("id");

        caller.request().body("{\"status\":\"published\"}").when().patch("/v1/content/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("mediaUrl"));
        caller.request().body("{\"status\":\"published\",\"mediaUrl\":\"https://media.example.com/v.mp4\",\"mediaDurationSeconds\":600}")
                .when().patch("/v1/content/" + id).then().statusCode(200)
                .body("status", equalTo("published")).body("publishedAt", notNullValue()).body("version", equalTo(2));
        caller.request().queryParam("status", "published").queryParam("contentType", "video").when().get("/v1/content").then()
                .statusCode(200).body("items.id", hasItem(id));

        caller.request().when().delete("/v1/content/" + id).then().statusCode(204);
        caller.request().when().get("/v1/content/" + id).then().statusCode(404);
        caller.request().body("{\"title\":\"Again\",\"slug\":\"deja-vu-measuring-ads\",\"contentType\":\"written\"}")
                .when().post("/v1/content").then().statusCode(201);
    }

    @Test
    void slugsAreUniquePerTenant() {
        TenantCaller caller = TenantCaller.fresh();
        TenantCaller other = TenantCaller.fresh();
        String body = "{\"title\":\"Intro\",\"slug\":\"intro\",\"contentType\":\"written\",\"body\":\"<p>Hi</p>\",\"status\":\"published\"}";

        caller.request().body(body).when().post("/v1/content").then().statusCode(201);
        caller.request().body(body).when().post("/v1/content").then().statusCode(409).contentType("application/problem+json");
        other.request().body(body).when().post("/v1/content").then().statusCode(201);
    }

    @Test
    void seriesOrderTheTenantsOwnContent() {
        TenantCaller caller = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String first = caller.request().body("{\"title\":\"Lesson 1\",\"contentType\":\"audio\"}").when().post("/v1/content").then()
                .statusCode(201).extract().path("id");
        String second = caller.request().body("{\"title\":\"Lesson 2\",\"contentType\":\"audio\"}").when().post("/v1/content").then()
                .statusCode(201).extract().path("id");
        String foreign = stranger.request().body("{\"title\":\"Theirs\",\"contentType\":\"audio\"}").when().post("/v1/content").then()
                .statusCode(201).extract().path("id");

        String seriesId = caller.request().body("{\"title\":\"Course\",\"price\":99,\"contentOrder\":[\"" + second + "\",\"" + first + "\"]}")
                .when().post("/v1/content-series").then().statusCode(201).body("slug", equalTo("course"))
                .body("contentOrder", equalTo(List.of(second, first))).extract().path("id");
        caller.request().body("{\"seriesId\":\"" + seriesId + "\"}").when().patch("/v1/content/" + first).then().statusCode(200)
                .body("seriesId", equalTo(seriesId));
        caller.request().queryParam("seriesId", seriesId).when().get("/v1/content").then().statusCode(200)
                .body("items.id", equalTo(List.of(first)));

        caller.request().body("{\"contentOrder\":[\"" + foreign + "\"]}").when().patch("/v1/content-series/" + seriesId).then()
                .statusCode(400).body("errors[0].field", equalTo("contentOrder"));
        stranger.request().body("{\"seriesId\":\"" + seriesId + "\"}").when().patch("/v1/content/" + foreign).then().statusCode(400)
                .body("errors[0].field", equalTo("seriesId"));
        stranger.request().when().get("/v1/content-series/" + seriesId).then().statusCode(404);
        stranger.request().when().get("/v1/content/" + first).then().statusCode(404);
        stranger.request().body("{\"title\":\"x\"}").when().patch("/v1/content/" + first).then().statusCode(404);
        stranger.request().when().delete("/v1/content-series/" + seriesId).then().statusCode(404);

        caller.request().when().delete("/v1/content-series/" + seriesId).then().statusCode(204);
        caller.request().when().get("/v1/content/" + first).then().statusCode(200).body("seriesId", nullValue());
        caller.request().when().get("/v1/content-series?limit=200").then().statusCode(200).body("items.id", not(hasItem(seriesId)));
    }

    @Test
    void badInputNamesTheFieldAndAnonymousCallsAreUnauthorized() {
        TenantCaller caller = TenantCaller.fresh();

        caller.request().body("{\"contentType\":\"video\"}").when().post("/v1/content").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        caller.request().body("{\"title\":\"x\"}").when().post("/v1/content").then().statusCode(400)
                .body("errors[0].field", equalTo("contentType"));
        caller.request().body("{\"title\":\"x\",\"contentType\":\"podcast\"}").when().post("/v1/content").then().statusCode(400)
                .body("errors[0].field", equalTo("contentType"));
        caller.request().body("{\"title\":\"x\",\"contentType\":\"video\",\"price\":-1}").when().post("/v1/content").then()
                .statusCode(400).body("errors[0].field", equalTo("price"));
        caller.request().body("{\"title\":\"x\",\"contentType\":\"video\",\"slug\":\"Not A Slug\"}").when().post("/v1/content").then()
                .statusCode(400).body("errors[0].field", equalTo("slug"));
        caller.request().body("{\"title\":\"x\",\"contentType\":\"video\",\"visibility\":\"everyone\"}").when().post("/v1/content")
                .then().statusCode(400).body("errors[0].field", equalTo("visibility"));
        caller.request().body("{\"title\":\"x\",\"contentType\":\"written\",\"status\":\"published\"}").when().post("/v1/content")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        caller.request().body("{\"title\":\"x\",\"contentType\":\"video\",\"seriesId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/v1/content").then().statusCode(400).body("errors[0].field", equalTo("seriesId"));
        given().when().get("/v1/content").then().statusCode(401);
        given().when().get("/v1/content-series").then().statusCode(401);
    }
}
