package io.podcastplatform.identity.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every change leaves an audit entry; refused and denied requests leave security events. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class AuditTrailIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    @Test
    void aChangeIsAuditedWithWhoWhatAndOutcomeForTheTenantOnly() {
        String aliceId = Keycloak.claims(Keycloak.accessToken("alice@acme.test", "alice")).get("sub").asText();
        String keyId = as("alice@acme.test", "alice").header("X-Request-Id", "audit-test-1")
                .body("{\"name\":\"audited\",\"type\":\"write\"}").when().post("/v1/api-keys")
                .then().statusCode(201).extract().path("id");

        JsonPath entries = as("alice@acme.test", "alice").when().get("/v1/audit-logs?resourceId=" + keyId)
                .then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertThat(entries.getString("items[0].actorId")).isEqualTo(aliceId);
        assertThat(entries.getString("items[0].action")).isEqualTo("api-keys.create");
        assertThat(entries.getString("items[0].resourceType")).isEqualTo("api-keys");
        assertThat(entries.getBoolean("items[0].success")).isTrue();
        assertThat(entries.getInt("items[0].responseStatus")).isEqualTo(201);
        assertThat(entries.getString("items[0].requestId")).isEqualTo("audit-test-1");

        as("alice@acme.test", "alice").when().delete("/v1/api-keys/" + keyId).then().statusCode(200);
        as("alice@acme.test", "alice").when().get("/v1/audit-logs?resourceId=" + keyId + "&action=api-keys.delete")
                .then().statusCode(200).body("items", hasSize(1));
        as("bob@globex.test", "bob").when().get("/v1/audit-logs?resourceId=" + keyId).then().statusCode(200).body("items", empty());
    }

    @Test
    void failedChangesAreAuditedToo() {
        String missing = UUID.randomUUID().toString();
        as("alice@acme.test", "alice").when().delete("/v1/api-keys/" + missing).then().statusCode(404);

        as("alice@acme.test", "alice").when().get("/v1/audit-logs?resourceId=" + missing + "&outcome=failure")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].responseStatus", equalTo(404));
    }

    @Test
    void deniedAccessIsASecurityEventOfTheTenantAndViewersCannotReadTheTrail() {
        String path = "/v1/api-keys/" + UUID.randomUUID();
        as("victor@acme.test", "victor").when().delete(path).then().statusCode(403);

        await().atMost(WAIT).untilAsserted(() -> as("alice@acme.test", "alice").when()
                .get("/v1/security-events?type=access_denied&limit=500").then().statusCode(200)
                .body("items.findAll { it.requestPath == '" + path + "' }", hasSize(1)));
        as("victor@acme.test", "victor").when().get("/v1/audit-logs").then().statusCode(403);
        as("victor@acme.test", "victor").when().get("/v1/security-events").then().statusCode(403);
    }

    @Test
    void aRefusedKeyIsRecordedByItsPrefixNeverInFull() {
        String bogus = "sk_" + "Z".repeat(40);
        given().auth().oauth2(bogus).when().get("/v1/api-keys").then().statusCode(401);

        JsonPath events = as("admin@platform.test", "admin").when().get("/v1/security-events?type=authentication_failed&limit=500")
                .then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("items.credential")).contains(bogus.substring(0, 12));
        assertThat(TestDatabase.as("identity_app").single("SELECT count(*) FROM identity.security_event WHERE credential = ? OR description LIKE ?",
                bogus, "%" + bogus + "%")).isEqualTo(0L);
    }

    @Test
    void theTrailIsAppendOnlyForTheRuntimeRole() {
        TestDatabase db = TestDatabase.as("identity_app");

        assertThat(db.attempt("DELETE FROM identity.audit_log")).isEqualTo("42501");
        assertThat(db.attempt("UPDATE identity.security_event SET severity = 'low'")).isEqualTo("42501");
    }

    @Test
    void badFiltersAreNamed() {
        as("alice@acme.test", "alice").when().get("/v1/audit-logs?from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("alice@acme.test", "alice").when().get("/v1/audit-logs?outcome=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        as("alice@acme.test", "alice").when().get("/v1/security-events?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
