package io.podcastplatform.identity.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyChanged;
import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** API keys through the real API with real Keycloak tokens, and the keys themselves authenticating. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class ApiKeysIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ACME = "a1a1a1a1-0000-4000-8000-000000000001";

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    private static RequestSpecification alice() {
        return as("alice@acme.test", "alice");
    }

    private static RequestSpecification bob() {
        return as("bob@globex.test", "bob");
    }

    private static JsonPath create(String body) {
        return alice().body(body).when().post("/v1/api-keys").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void creatingAKeyShowsItOnceAndPublishesOnlyItsHash() {
        try (TestKafka.Watch watch = TestKafka.watch(Topics.IDENTITY_API_KEY_V1)) {
            JsonPath created = create("{\"name\":\"Website pixel\",\"type\":\"write\"}");
            String key = created.getString("key");
            String id = created.getString("id");

            assertThat(key).startsWith("pk_").hasSize(43);
            assertThat(created.getString("prefix")).isEqualTo(key.substring(0, 12));
            assertThat(created.getList("scopes")).containsExactly("events:write");
            assertThat(created.getString("status")).isEqualTo("active");

            ConsumerRecord<String, byte[]> record = watch.await(r -> id.equals(r.key()), WAIT).orElseThrow();
            ApiKeyChanged changed = EventJson.read(record.value(), ApiKeyChanged.class);
            assertThat(EventSchemas.violations(Topics.IDENTITY_API_KEY_V1, EventJson.tree(record.value()))).isEmpty();
            assertThat(changed.keyHash()).isEqualTo(ApiKeySecrets.hash(key));
            assertThat(changed.tenantId()).hasToString(ACME);
            assertThat(new String(record.value())).doesNotContain(key);
            assertThat(TestDatabase.as("identity_app").single(
                    "SELECT count(*) FROM identity.outbox_event WHERE payload::text LIKE ?", "%" + key + "%")).isEqualTo(0L);

            alice().when().get("/v1/api-keys/" + id).then().statusCode(200)
                    .body("key", nullValue()).body("prefix", equalTo(key.substring(0, 12)));
            alice().when().get("/v1/api-keys?limit=200").then().statusCode(200)
                    .body("items.id", hasItem(id)).body("items.key", not(hasItem(key)));
        }
    }

    @Test
    void anotherTenantSeesNothingOfTheKeyAndCannotRevokeIt() {
        String id = create("{\"name\":\"acme only\",\"type\":\"secret\"}").getString("id");

        bob().when().get("/v1/api-keys/" + id).then().statusCode(404).contentType("application/problem+json");
        bob().when().delete("/v1/api-keys/" + id).then().statusCode(404).contentType("application/problem+json");
        bob().when().get("/v1/api-keys?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        alice().when().get("/v1/api-keys/" + id).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void withoutATokenEveryKeyEndpointAnswers401() {
        String id = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"type\":\"write\"}").when().post("/v1/api-keys")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().when().get("/v1/api-keys").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/v1/api-keys/" + id).then().statusCode(401);
        given().when().delete("/v1/api-keys/" + id).then().statusCode(401);
        given().auth().oauth2("not.a.jwt").when().get("/v1/api-keys").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aViewerMayListButNotCreateOrRevoke() {
        String id = create("{\"name\":\"for viewer test\",\"type\":\"write\"}").getString("id");

        as("victor@acme.test", "victor").body("{\"name\":\"x\",\"type\":\"write\"}").when().post("/v1/api-keys")
                .then().statusCode(403).contentType("application/problem+json");
        as("victor@acme.test", "victor").when().delete("/v1/api-keys/" + id).then().statusCode(403);
        as("victor@acme.test", "victor").when().get("/v1/api-keys/" + id).then().statusCode(200);
    }

    @Test
    void badInputIsA400NamingTheField() {
        alice().body("{\"name\":\"x\",\"type\":\"public\"}").when().post("/v1/api-keys")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        alice().body("{\"name\":\"  \",\"type\":\"write\"}").when().post("/v1/api-keys")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        alice().body("{\"name\":\"x\",\"type\":\"secret\",\"scopes\":[\"podcast:fly\"]}").when().post("/v1/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("scopes[0]"));
        alice().body("{\"name\":\"x\",\"type\":\"write\",\"scopes\":[\"*:manage\"]}").when().post("/v1/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("scopes"));
        alice().body("{\"name\":\"x\",\"type\":\"secret\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}").when().post("/v1/api-keys")
                .then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        alice().body("{\"name\":\"x\",\"type\":\"secret\",\"rateLimitPerHour\":\"lots\"}").when().post("/v1/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("rateLimitPerHour"));
        alice().when().get("/v1/api-keys?cursor=garbage").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        alice().when().get("/v1/api-keys/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aSecretKeyActsForItsTenantWithinItsScopesUntilRevoked() {
        JsonPath created = create("{\"name\":\"server\",\"type\":\"secret\"}");
        String key = created.getString("key");
        String id = created.getString("id");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(key).when().get("/v1/tenants/current")
                .then().statusCode(200).body("slug", equalTo("acme")));
        // read-only by default: it may list keys but not create them
        given().auth().oauth2(key).when().get("/v1/api-keys/" + id).then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> alice().when().get("/v1/api-keys/" + id).then().statusCode(200)
                .body("lastUsedAt", org.hamcrest.Matchers.notNullValue()));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"name\":\"x\",\"type\":\"write\"}")
                .when().post("/v1/api-keys").then().statusCode(403);

        long revokedAt = System.nanoTime();
        alice().when().delete("/v1/api-keys/" + id).then().statusCode(200).body("status", equalTo("revoked"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(key).when().get("/v1/tenants/current").then().statusCode(401)
                        .contentType("application/problem+json"));
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(6));

        alice().when().delete("/v1/api-keys/" + id).then().statusCode(200).body("status", equalTo("revoked"));
    }

    @Test
    void aWriteKeyCanOnlySendEventsNotReadTheTenantsKeys() {
        String key = create("{\"name\":\"pixel\",\"type\":\"write\"}").getString("key");

        await().atMost(WAIT).untilAsserted(() -> given().header("X-Write-Key", key).when().get("/v1/api-keys")
                .then().statusCode(403));
        given().header("X-Write-Key", "pk_not-a-key").when().get("/v1/api-keys").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void revokedKeysCarryTheirNewStateOnTheTopic() {
        String id = create("{\"name\":\"to revoke\",\"type\":\"secret\",\"scopes\":[\"analytics:read\"]}").getString("id");
        try (TestKafka.Watch watch = TestKafka.watch(Topics.IDENTITY_API_KEY_V1)) {
            alice().when().delete("/v1/api-keys/" + id).then().statusCode(200);

            ConsumerRecord<String, byte[]> record = watch.await(r -> id.equals(r.key())
                    && EventJson.read(r.value(), ApiKeyChanged.class).status() == ApiKeyStatus.REVOKED, WAIT).orElseThrow();
            assertThat(EventJson.read(record.value(), ApiKeyChanged.class).version()).isEqualTo(2);
        }
    }
}
