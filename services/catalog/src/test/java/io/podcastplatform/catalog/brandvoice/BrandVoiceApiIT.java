package io.podcastplatform.catalog.brandvoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Brand voice through the real API: samples train a fingerprint, texts are scored against it. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class BrandVoiceApiIT {

    private final TestDatabase db = TestDatabase.as("catalog_app");

    @Test
    void samplesTrainTheVoiceAndTextsAreScoredWithFeedback() {
        TenantCaller caller = TenantCaller.fresh();
        String id = caller.request().body("{\"name\":\"Morning Brew\",\"toneKeywords\":[\"friendly\"],\"avoidWords\":[\"synergy\"],"
                        + "\"preferredWords\":[\"coffee\"]}")
                .when().post("/v1/brand-profiles").then().statusCode(201).body("slug", equalTo("morning-brew"))
                .body("trainingStatus", equalTo("untrained")).extract().path("id");
        caller.request().body("{\"text\":\"Hello\"}").when().post("/v1/brand-profiles/" + id + "/scores").then().statusCode(409);

        caller.request().body(Map.of("title", "Ep 1 intro", "content", VoiceAnalysisTest.FRIENDLY_BRAND))
                .when().post("/v1/brand-profiles/" + id + "/samples").then().statusCode(200)
                .body("wordCount", equalTo(47)).body("profile.trainingStatus", equalTo("trained"))
                .body("profile.sampleCount", equalTo(1)).body("fingerprint.voiceSummary", containsString("Mostly friendly"));
        caller.request().body(Map.of("content", "Hey folks, thanks for being here with us. We love mornings like this!"))
                .when().post("/v1/brand-profiles/" + id + "/samples").then().statusCode(200).body("profile.sampleCount", equalTo(2));
        caller.request().when().get("/v1/brand-profiles/" + id + "/fingerprint").then().statusCode(200)
                .body("sampleCount", equalTo(2)).body("toneDistribution.friendly", greaterThan(0.5f))
                .body("vocabularyProfile.topTerms", notNullValue()).body("styleMetrics.fleschReadingEase", greaterThan(60f));

        float onBrand = caller.request().body("{\"text\":\"Hey friends! We're glad you're here. Grab a coffee.\",\"contentId\":\"ep-2\"}")
                .when().post("/v1/brand-profiles/" + id + "/scores").then().statusCode(200)
                .body("feedback.aspect", equalTo(java.util.List.of("tone", "vocabulary", "style"))).extract().path("overallScore");
        float offBrand = caller.request().body("{\"text\":\"" + VoiceAnalysisTest.CORPORATE_TEXT.replace("\n", " ").strip()
                        + " Synergy.\"}")
                .when().post("/v1/brand-profiles/" + id + "/scores").then().statusCode(200)
                .body("feedback[1].message", containsString("Avoid: synergy")).extract().path("overallScore");
        assertThat(onBrand).isGreaterThan(offBrand);
        assertThat(db.countInTenant(caller.tenantId(), "SELECT 1 FROM catalog.voice_score WHERE profile_id = ?::uuid", id)).isEqualTo(2);
    }

    @Test
    void profilesStayInTheirTenantAndBadInputNamesTheField() {
        TenantCaller caller = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String id = caller.request().body("{\"name\":\"Private voice\"}").when().post("/v1/brand-profiles").then().statusCode(201)
                .extract().path("id");

        stranger.request().when().get("/v1/brand-profiles/" + id).then().statusCode(404);
        stranger.request().body("{\"content\":\"Mine now.\"}").when().post("/v1/brand-profiles/" + id + "/samples").then().statusCode(404);
        stranger.request().body("{\"text\":\"x\"}").when().post("/v1/brand-profiles/" + id + "/scores").then().statusCode(404);
        stranger.request().when().delete("/v1/brand-profiles/" + id).then().statusCode(404);
        given().when().get("/v1/brand-profiles").then().statusCode(401);

        caller.request().body("{}").when().post("/v1/brand-profiles").then().statusCode(400).body("errors[0].field", equalTo("name"));
        caller.request().body("{\"title\":\"x\"}").when().post("/v1/brand-profiles/" + id + "/samples").then().statusCode(400)
                .body("errors[0].field", equalTo("content"));
        caller.request().body("{\"name\":\"Private voice\"}").when().post("/v1/brand-profiles").then().statusCode(409);
        caller.request().when().delete("/v1/brand-profiles/" + id).then().statusCode(204);
        caller.request().when().get("/v1/brand-profiles/" + id).then().statusCode(404);
    }
}
