package io.podcastplatform.identity.featureflag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
class FeatureFlagsIT {

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    private static String newFlag(boolean enabled) {
        String key = "test.flag-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin@platform.test", "admin").body("{\"description\":\"for a test\",\"enabled\":" + enabled + "}")
                .when().put("/v1/feature-flags/" + key).then().statusCode(200).body("defaultEnabled", equalTo(enabled));
        return key;
    }

    @Test
    void aTenantOverrideWinsForThatTenantOnlyUntilCleared() {
        String key = newFlag(false);

        as("alice@acme.test", "alice").body("{\"enabled\":true}").when().put("/v1/feature-flags/" + key + "/override")
                .then().statusCode(200).body("enabled", equalTo(true)).body("source", equalTo("tenant"));
        as("alice@acme.test", "alice").when().get("/v1/feature-flags/" + key).then().statusCode(200).body("enabled", equalTo(true));
        as("bob@globex.test", "bob").when().get("/v1/feature-flags/" + key).then().statusCode(200)
                .body("enabled", equalTo(false)).body("source", equalTo("global"));
        as("bob@globex.test", "bob").when().get("/v1/feature-flags").then().statusCode(200).body("key", hasItem(key));

        as("alice@acme.test", "alice").when().delete("/v1/feature-flags/" + key + "/override")
                .then().statusCode(200).body("enabled", equalTo(false)).body("source", equalTo("global"));
    }

    @Test
    void changingTheDefaultMovesTenantsWithoutAnOverride() {
        String key = newFlag(false);
        as("admin@platform.test", "admin").body("{\"enabled\":true}").when().put("/v1/feature-flags/" + key).then().statusCode(200);

        as("bob@globex.test", "bob").when().get("/v1/feature-flags/" + key).then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void onlyPlatformAdministratorsSetDefaultsAndOnlyAdminsOverride() {
        String key = newFlag(true);

        as("alice@acme.test", "alice").body("{\"enabled\":false}").when().put("/v1/feature-flags/" + key).then().statusCode(403);
        as("victor@acme.test", "victor").body("{\"enabled\":false}").when().put("/v1/feature-flags/" + key + "/override").then().statusCode(403);
        given().when().get("/v1/feature-flags").then().statusCode(401);
    }

    @Test
    void unknownFlagsAndBadInputAreNamed() {
        as("alice@acme.test", "alice").body("{\"enabled\":true}").when().put("/v1/feature-flags/no.such-flag/override")
                .then().statusCode(404).contentType("application/problem+json");
        as("admin@platform.test", "admin").body("{\"enabled\":true}").when().put("/v1/feature-flags/Bad_Key!")
                .then().statusCode(400).body("errors[0].field", equalTo("key"));
        as("admin@platform.test", "admin").body("{\"description\":\"x\"}").when().put("/v1/feature-flags/valid.key")
                .then().statusCode(400).body("errors[0].field", equalTo("enabled"));
    }
}
