package io.podcastplatform.catalog.offering;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Offerings and their resources (seed 002) through the real API. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class OfferingsApiIT {

    private static final String WORKSHOP = """
            {"title":"Podcast Growth Workshop","offeringType":"one_time_event","capacityType":"large_group","maxParticipants":100,
             "deliveryMethod":"online","videoConferenceProvider":"zoom","price":49.00,"creditCost":5,
             "schedule":{"date":"2026-03-15","start_time":"19:00","duration_minutes":120},"paymentOptions":{"installments":false}}""";

    @Test
    void anOfferingIsCreatedWithAValidScheduleChangedAndDeleted() {
        TenantCaller caller = TenantCaller.fresh();
        String id = caller.request().body(WORKSHOP).when().post("/v1/offerings").then().statusCode(201)
                .body("slug", equalTo("podcast-growth-workshop")).body("schedule.start_time", equalTo("19:00"))
                .body("paymentOptions.installments", equalTo(false)).body("portalConfig", equalTo(java.util.Map.of()))
                .extract().path("id");

        caller.request().body("{\"schedule\":{\"date\":\"2026-03-16\",\"start_time\":\"25:00\",\"duration_minutes\":120}}")
                .when().patch("/v1/offerings/" + id).then().statusCode(400).body("errors[0].field", equalTo("schedule.start_time"));
        caller.request().body("{\"status\":\"published\",\"schedule\":{\"date\":\"2026-03-16\",\"start_time\":\"18:00\",\"duration_minutes\":90}}")
                .when().patch("/v1/offerings/" + id).then().statusCode(200).body("status", equalTo("published"))
                .body("publishedAt", notNullValue()).body("schedule.date", equalTo("2026-03-16")).body("version", equalTo(2));
        caller.request().queryParam("offeringType", "one_time_event").when().get("/v1/offerings").then().statusCode(200)
                .body("items.id", hasItem(id));
        caller.request().body(WORKSHOP).when().post("/v1/offerings").then().statusCode(409);

        caller.request().when().delete("/v1/offerings/" + id).then().statusCode(204);
        caller.request().when().get("/v1/offerings/" + id).then().statusCode(404);
    }

    @Test
    void resourcesAttachTheTenantsOwnContentFilesLinksAndText() {
        TenantCaller caller = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String id = caller.request().body(WORKSHOP).when().post("/v1/offerings").then().statusCode(201).extract().path("id");
        String contentId = caller.request().body("{\"title\":\"Replay\",\"contentType\":\"video\"}").when().post("/v1/content").then()
                .statusCode(201).extract().path("id");
        String foreignContent = stranger.request().body("{\"title\":\"Theirs\",\"contentType\":\"video\"}").when().post("/v1/content")
                .then().statusCode(201).extract().path("id");

        caller.request().body("{\"resourceType\":\"content\",\"contentId\":\"" + contentId + "\",\"title\":\"Replay\",\"availableWhen\":\"after\",\"displayOrder\":2}")
                .when().post("/v1/offerings/" + id + "/resources").then().statusCode(201).body("contentId", equalTo(contentId));
        String linkId = caller.request().body("{\"resourceType\":\"link\",\"linkUrl\":\"https://example.com/workbook\",\"title\":\"Workbook\",\"displayOrder\":1}")
                .when().post("/v1/offerings/" + id + "/resources").then().statusCode(201).extract().path("id");
        caller.request().body("{\"resourceType\":\"link\",\"title\":\"No URL\"}").when().post("/v1/offerings/" + id + "/resources")
                .then().statusCode(400).body("errors[0].field", equalTo("linkUrl"));
        caller.request().body("{\"resourceType\":\"content\",\"contentId\":\"" + foreignContent + "\",\"title\":\"Stolen\"}")
                .when().post("/v1/offerings/" + id + "/resources").then().statusCode(400).body("errors[0].field", equalTo("contentId"));
        caller.request().body("{\"resourceType\":\"video\",\"title\":\"x\"}").when().post("/v1/offerings/" + id + "/resources")
                .then().statusCode(400).body("errors[0].field", equalTo("resourceType"));

        caller.request().when().get("/v1/offerings/" + id + "/resources").then().statusCode(200)
                .body("title", equalTo(List.of("Workbook", "Replay")));
        stranger.request().when().get("/v1/offerings/" + id + "/resources").then().statusCode(404);
        stranger.request().when().delete("/v1/offerings/" + id + "/resources/" + linkId).then().statusCode(404);
        caller.request().when().delete("/v1/offerings/" + id + "/resources/" + linkId).then().statusCode(204);
        caller.request().when().get("/v1/offerings/" + id + "/resources").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void badInputNamesTheFieldStrangersGet404AndAnonymous401() {
        TenantCaller caller = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();

        caller.request().body("{\"title\":\"x\",\"capacityType\":\"unlimited\",\"deliveryMethod\":\"online\",\"schedule\":{}}")
                .when().post("/v1/offerings").then().statusCode(400).body("errors[0].field", equalTo("offeringType"));
        caller.request().body("{\"title\":\"x\",\"offeringType\":\"retreat\",\"capacityType\":\"unlimited\",\"deliveryMethod\":\"online\"}")
                .when().post("/v1/offerings").then().statusCode(400).body("errors[0].field", equalTo("schedule"));
        caller.request().body("{\"title\":\"x\",\"offeringType\":\"party\",\"capacityType\":\"unlimited\",\"deliveryMethod\":\"online\",\"schedule\":{}}")
                .when().post("/v1/offerings").then().statusCode(400).body("errors[0].field", equalTo("offeringType"));
        caller.request().body("{\"title\":\"x\",\"offeringType\":\"cohort_course\",\"capacityType\":\"small_group\",\"deliveryMethod\":\"in_person\",\"schedule\":{\"weeks\":200}}")
                .when().post("/v1/offerings").then().statusCode(400)
                .body("errors.field", equalTo(List.of("schedule.start_date", "schedule.weeks", "maxParticipants", "locationDetails")));

        String id = caller.request().body(WORKSHOP).when().post("/v1/offerings").then().statusCode(201).extract().path("id");
        stranger.request().when().get("/v1/offerings/" + id).then().statusCode(404);
        stranger.request().body("{\"title\":\"Mine\"}").when().patch("/v1/offerings/" + id).then().statusCode(404);
        stranger.request().when().delete("/v1/offerings/" + id).then().statusCode(404);
        given().when().get("/v1/offerings").then().statusCode(401);
        given().when().get("/v1/offerings/" + UUID.randomUUID()).then().statusCode(401);
    }
}
