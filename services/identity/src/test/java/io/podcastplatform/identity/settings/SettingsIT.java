package io.podcastplatform.identity.settings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tenant settings, white label and platform settings through the real API. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class SettingsIT {

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    @Test
    void aTenantKeepsJsonSettingsOfItsOwn() {
        String key = "iab.window-" + UUID.randomUUID().toString().substring(0, 6);
        as("alice@acme.test", "alice").body("{\"mode\":\"rolling\",\"hours\":24}").when().put("/v1/tenants/current/settings/" + key)
                .then().statusCode(200).body("'" + key + "'.mode", equalTo("rolling"));
        as("alice@acme.test", "alice").body("\"Europe/Paris\"").when().put("/v1/tenants/current/settings/timezone").then().statusCode(200);

        as("alice@acme.test", "alice").when().get("/v1/tenants/current/settings").then().statusCode(200)
                .body("'" + key + "'.hours", equalTo(24)).body("timezone", equalTo("Europe/Paris"));
        as("bob@globex.test", "bob").when().get("/v1/tenants/current/settings").then().statusCode(200).body("$", not(hasKey(key)));
        as("victor@acme.test", "victor").body("1").when().put("/v1/tenants/current/settings/" + key).then().statusCode(403);

        as("alice@acme.test", "alice").when().delete("/v1/tenants/current/settings/" + key).then().statusCode(200).body("$", not(hasKey(key)));
        as("alice@acme.test", "alice").when().delete("/v1/tenants/current/settings/" + key).then().statusCode(404);
        as("alice@acme.test", "alice").body("1").when().put("/v1/tenants/current/settings/Bad Key").then().statusCode(400)
                .body("errors[0].field", equalTo("key"));
        as("alice@acme.test", "alice").body("\"" + "x".repeat(17_000) + "\"").when().put("/v1/tenants/current/settings/big").then().statusCode(413);
        // the tenant itself is still served at its own path
        as("alice@acme.test", "alice").when().get("/v1/tenants/current").then().statusCode(200).body("slug", equalTo("acme"));
    }

    @Test
    void whiteLabelIsValidatedAndADomainBelongsToOneTenant() {
        String domain = "podcasts-" + UUID.randomUUID().toString().substring(0, 6) + ".example.com";
        as("alice@acme.test", "alice").body("{\"brandName\":\"Acme Audio\",\"primaryColor\":\"#112233\",\"customDomain\":\"" + domain + "\"}")
                .when().put("/v1/tenants/current/white-label").then().statusCode(200).body("brandName", equalTo("Acme Audio"));
        as("alice@acme.test", "alice").when().get("/v1/tenants/current/white-label").then().statusCode(200)
                .body("customDomain", equalTo(domain)).body("primaryColor", equalTo("#112233"));

        as("bob@globex.test", "bob").body("{\"customDomain\":\"" + domain + "\"}").when().put("/v1/tenants/current/white-label").then().statusCode(409);
        as("bob@globex.test", "bob").when().get("/v1/tenants/current/white-label").then().statusCode(200).body("brandName", not(equalTo("Acme Audio")));
        as("alice@acme.test", "alice").body("{\"primaryColor\":\"red\",\"logoUrl\":\"http://insecure.example.com/x.png\"}")
                .when().put("/v1/tenants/current/white-label").then().statusCode(400);
    }

    @Test
    void platformSettingsArePublicToReadAndOnlyForTheAdministratorToChange() {
        String body = "{\"platformName\":\"Open Podcast Measurement\",\"primaryColor\":\"#3b82f6\",\"timezone\":\"UTC\","
                + "\"socialLinks\":{\"mastodon\":\"https://example.social/@podcasts\"},\"featuredContentIds\":[\"a\",\"b\"]}";
        as("admin@platform.test", "admin").body(body).when().put("/v1/platform/settings").then().statusCode(200)
                .body("platformName", equalTo("Open Podcast Measurement")).body("featuredContentIds[1]", equalTo("b"));
        given().when().get("/v1/platform/settings").then().statusCode(200).body("socialLinks.mastodon", equalTo("https://example.social/@podcasts"));

        as("alice@acme.test", "alice").body(body).when().put("/v1/platform/settings").then().statusCode(403);
        as("admin@platform.test", "admin").body(body.replace("\"UTC\"", "\"Mars/Olympus\"")).when().put("/v1/platform/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("timezone"));
    }
}
