package io.podcastplatform.analytics.methodology;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealStackResource.class)
class MethodologyIT {

    @Test
    void eachTenantSeesTheMethodAndChoosesItsOwnWindow() {
        UUID first = TestTenants.fresh();
        UUID second = TestTenants.fresh();
        String firstKey = TestApiKeys.issue(first, ApiKeyType.SECRET, List.of("report:manage")).key();
        String secondKey = TestApiKeys.issue(second, ApiKeyType.SECRET, List.of("report:read")).key();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(firstKey).when().get("/v1/methodology")
                .then().statusCode(200).body("windowMode", equalTo("ROLLING")));
        given().auth().oauth2(firstKey).when().get("/v1/methodology").then()
                .body("windowModes", hasItems("FIXED_UTC_DAY", "ROLLING", "EXTENDING"))
                .body("userAgentLists", containsString("opawg/user-agents-v2"))
                .body("rules", hasSize(8))
                .body("definitions", hasSize(5))
                .body("definitions[0]", containsString("Unique listeners"))
                .body("uniqueListenersCounting", startsWith("hyperloglog (hll "))
                .body("definitions[2]", containsString("session_id"));

        given().auth().oauth2(firstKey).contentType(ContentType.JSON).body("{\"windowMode\":\"EXTENDING\"}")
                .when().put("/v1/methodology/window-mode").then().statusCode(200).body("windowMode", equalTo("EXTENDING"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(secondKey).when().get("/v1/methodology")
                .then().statusCode(200).body("windowMode", equalTo("ROLLING")));
        given().auth().oauth2(secondKey).contentType(ContentType.JSON).body("{\"windowMode\":\"FIXED_UTC_DAY\"}")
                .when().put("/v1/methodology/window-mode").then().statusCode(403);
        given().auth().oauth2(firstKey).contentType(ContentType.JSON).body("{\"windowMode\":\"WEEKLY\"}")
                .when().put("/v1/methodology/window-mode").then().statusCode(400).body("errors[0].field", equalTo("windowMode"));
    }
}
