package io.podcastplatform.catalog.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Templates (seed 003) and bonuses (seed 004) through the real API. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class TemplatesAndBonusesIT {

    @Test
    void templatesKeepPresetsCountUsesAndStayInTheirTenant() {
        TenantCaller caller = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String id = caller.request().body("{\"name\":\"Weekly Show Notes\",\"toolId\":\"show-notes\",\"category\":\"writing\","
                        + "\"presetInputs\":{\"length\":\"short\",\"links\":true},\"tags\":[\"notes\"]}")
                .when().post("/v1/templates").then().statusCode(201).body("slug", equalTo("weekly-show-notes"))
                .body("presetInputs.length", equalTo("short")).body("useCount", equalTo(0)).extract().path("id");

        caller.request().when().post("/v1/templates/" + id + "/uses").then().statusCode(200).body("useCount", equalTo(1))
                .body("presetInputs.links", equalTo(true));
        caller.request().queryParam("toolId", "show-notes").when().get("/v1/templates").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].useCount", equalTo(1));
        caller.request().body("{\"name\":\"Weekly Show Notes\",\"toolId\":\"show-notes\"}").when().post("/v1/templates").then()
                .statusCode(409);
        caller.request().body("{\"name\":\"x\",\"toolId\":\"Show Notes!\"}").when().post("/v1/templates").then().statusCode(400)
                .body("errors[0].field", equalTo("toolId"));
        caller.request().body("{\"name\":\"x\",\"toolId\":\"t\",\"presetInputs\":[1]}").when().post("/v1/templates").then()
                .statusCode(400).body("errors[0].field", equalTo("presetInputs"));

        stranger.request().when().get("/v1/templates/" + id).then().statusCode(404);
        stranger.request().when().post("/v1/templates/" + id + "/uses").then().statusCode(404);
        stranger.request().when().delete("/v1/templates/" + id).then().statusCode(404);
        given().when().get("/v1/templates").then().statusCode(401);
        caller.request().when().delete("/v1/templates/" + id).then().statusCode(204);
        caller.request().when().get("/v1/templates/" + id).then().statusCode(404);
    }

    @Test
    void bonusesBelongToACampaignAndADownloadNeedsItsFile() {
        TenantCaller caller = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String campaign = UUID.randomUUID().toString();
        String id = caller.request().body("{\"campaignId\":\"" + campaign + "\",\"name\":\"Recipe eBook\",\"metadata\":{\"pages\":40}}")
                .when().post("/v1/bonuses").then().statusCode(201).body("deliveryMethod", equalTo("email"))
                .body("active", equalTo(true)).body("metadata.pages", equalTo(40)).extract().path("id");

        caller.request().body("{\"deliveryMethod\":\"download\"}").when().patch("/v1/bonuses/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("fileUrl"));
        caller.request().body("{\"deliveryMethod\":\"download\",\"fileUrl\":\"https://files.example.com/ebook.pdf\",\"active\":false}")
                .when().patch("/v1/bonuses/" + id).then().statusCode(200).body("deliveryMethod", equalTo("download"))
                .body("active", equalTo(false));
        caller.request().queryParam("campaignId", campaign).when().get("/v1/bonuses").then().statusCode(200).body("items", hasSize(1));
        caller.request().body("{\"name\":\"No campaign\"}").when().post("/v1/bonuses").then().statusCode(400)
                .body("errors[0].field", equalTo("campaignId"));
        caller.request().body("{\"campaignId\":\"" + campaign + "\",\"name\":\"x\",\"deliveryMethod\":\"pigeon\"}").when()
                .post("/v1/bonuses").then().statusCode(400).body("errors[0].field", equalTo("deliveryMethod"));

        stranger.request().when().get("/v1/bonuses/" + id).then().statusCode(404);
        stranger.request().body("{\"active\":true}").when().patch("/v1/bonuses/" + id).then().statusCode(404);
        stranger.request().when().delete("/v1/bonuses/" + id).then().statusCode(404);
        given().when().get("/v1/bonuses").then().statusCode(401);
        caller.request().when().delete("/v1/bonuses/" + id).then().statusCode(204);
        caller.request().when().get("/v1/bonuses/" + id).then().statusCode(404);
    }
}
