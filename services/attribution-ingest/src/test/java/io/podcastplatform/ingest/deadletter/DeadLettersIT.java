package io.podcastplatform.ingest.deadletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.events.ingest.DeadLetter;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant lists the input ingest refused, with reasons, and replays it once. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class DeadLettersIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private UUID tenant;
    private TestApiKeys.IssuedKey writeKey;
    private TestApiKeys.IssuedKey secretKey;

    @BeforeEach
    void freshTenantWithKeys() {
        tenant = TestTenants.fresh();
        writeKey = TestApiKeys.writeKey(tenant);
        secretKey = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("events:read", "events:manage"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(secretKey.key()).when().get("/v1/dead-letters").then().statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().auth().preemptive().basic(writeKey.key(), "").body("{}")
                .when().post("/v1/identify").then().statusCode(400));
    }

    private RequestSpecification owner() {
        return given().auth().oauth2(secretKey.key()).contentType(ContentType.JSON);
    }

    @Test
    void aRefusedEventIsListedWithItsReasonAndAReplayThatStillFailsSaysWhy() {
        String messageId = "refused-" + UUID.randomUUID();
        given().auth().preemptive().basic(writeKey.key(), "").contentType(ContentType.JSON)
                .body("{\"messageId\":\"" + messageId + "\",\"userId\":\"u\",\"timestamp\":\"soon\"}").when().post("/v1/page")
                .then().statusCode(400);

        await().atMost(WAIT).untilAsserted(() -> owner().when().get("/v1/dead-letters").then().statusCode(200)
                .body("items.messageId", hasItem(messageId)));
        String id = owner().when().get("/v1/dead-letters").then().extract().jsonPath()
                .getString("items.find { it.messageId == '" + messageId + "' }.id");
        owner().when().get("/v1/dead-letters").then().body("items.find { it.messageId == '" + messageId + "' }.reason",
                containsString("timestamp"));

        owner().when().post("/v1/dead-letters/" + id + "/replay").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("timestamp"));
        given().auth().preemptive().basic(writeKey.key(), "").when().get("/v1/dead-letters").then().statusCode(403);
    }

    @Test
    void aLetterWhoseEventNowPassesIsReplayedOnceAndStoredOnce() {
        String messageId = "replay-" + UUID.randomUUID();
        DeadLetter letter = new DeadLetter(UUID.randomUUID(), tenant, "API", "refused by a rule since relaxed", null, messageId,
                "{\"type\":\"track\",\"messageId\":\"" + messageId + "\",\"userId\":\"u-1\",\"event\":\"Signed Up\"}", OffsetDateTime.now());
        TestKafka.publish(Topics.INGEST_DEAD_LETTER_V1, tenant.toString(), new CloudEvent(letter.id(), "/attribution-ingest", DeadLetter.TYPE,
                OffsetDateTime.now(), tenant, letter.id().toString(), EventJson.write(letter)));
        await().atMost(WAIT).untilAsserted(() -> owner().when().get("/v1/dead-letters").then().body("items.id", hasItem(letter.id().toString())));

        owner().when().post("/v1/dead-letters/" + letter.id() + "/replay").then().statusCode(200)
                .body("replayed", equalTo(true)).body("alreadyReplayed", equalTo(false));
        owner().when().post("/v1/dead-letters/" + letter.id() + "/replay").then().statusCode(200)
                .body("alreadyReplayed", equalTo(true));

        await().atMost(WAIT).untilAsserted(() -> assertThat(TestDatabase.as("ingest_app").countInTenant(tenant,
                "SELECT 1 FROM ingest.attribution_events WHERE message_id = ?", messageId)).isEqualTo(1));
        owner().when().get("/v1/dead-letters").then().body("items.find { it.id == '" + letter.id() + "' }.replayedAt",
                org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anotherTenantsLetterIsNotFoundAndBadCursorsAre400() {
        UUID other = TestTenants.fresh();
        TestApiKeys.IssuedKey otherKey = TestApiKeys.issue(other, ApiKeyType.SECRET, List.of("events:read", "events:manage"));
        DeadLetter letter = new DeadLetter(UUID.randomUUID(), tenant, "API", "r", null, "m", "{}", OffsetDateTime.now());
        TestKafka.publish(Topics.INGEST_DEAD_LETTER_V1, tenant.toString(), new CloudEvent(letter.id(), "/attribution-ingest", DeadLetter.TYPE,
                OffsetDateTime.now(), tenant, letter.id().toString(), EventJson.write(letter)));
        await().atMost(WAIT).untilAsserted(() -> owner().when().get("/v1/dead-letters").then().body("items.id", hasItem(letter.id().toString())));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(otherKey.key()).when().get("/v1/dead-letters").then().statusCode(200));

        given().auth().oauth2(otherKey.key()).when().post("/v1/dead-letters/" + letter.id() + "/replay").then().statusCode(404);
        given().auth().oauth2(otherKey.key()).when().get("/v1/dead-letters").then().body("items.id", org.hamcrest.Matchers.not(hasItem(letter.id().toString())));
        owner().queryParam("cursor", "garbage").when().get("/v1/dead-letters").then().statusCode(400);
        owner().queryParam("limit", 0).when().get("/v1/dead-letters").then().statusCode(400);
        owner().when().post("/v1/dead-letters/not-a-uuid/replay").then().statusCode(404);
    }
}
