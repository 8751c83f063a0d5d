package io.podcastplatform.ingest.track;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.events.tenant.TenantStatus;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestKafka;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Segment-compatible API against the real broker: what it answers, and what it publishes. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class TrackApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private UUID tenant;
    private TestApiKeys.IssuedKey writeKey;

    @BeforeEach
    void freshTenantWithAWriteKey() {
        tenant = TestTenants.fresh();
        writeKey = TestApiKeys.writeKey(tenant);
        awaitKeyKnown(writeKey);
    }

    private static void awaitKeyKnown(TestApiKeys.IssuedKey key) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().preemptive().basic(key.key(), "").contentType(ContentType.JSON)
                .body("{}").when().post("/v1/identify").then().statusCode(400));
    }

    private RequestSpecification segment() {
        return given().auth().preemptive().basic(writeKey.key(), "").contentType(ContentType.JSON);
    }

    private static String messageId() {
        return "test-" + UUID.randomUUID();
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return EventJson.tree(record.value());
    }

    private static boolean hasMessageId(ConsumerRecord<String, byte[]> record, String messageId) {
        return messageId.equals(data(record).path("messageId").asText());
    }

    @Test
    void anEpisodeProgressTrackIsAListenerEventKeyedByTenantAndListener() {
        String id = messageId();
        try (TestKafka.Watch watch = TestKafka.watch(Topics.INGEST_LISTENER_EVENT_V1)) {
            segment().header("User-Agent", "Podcasts/1650.20 CFNetwork/1333.0.4 Darwin/21.5.0")
                    .header("X-Forwarded-For", "198.51.100.23")
                    .body("""
                            {"messageId":"%s","anonymousId":"anon-1","event":"Episode Progress",
                             "properties":{"episode_id":"%s","position":61.5,"duration":600,"platform":"iOS"}}"""
                            .formatted(id, UUID.randomUUID()))
                    .when().post("/v1/track").then().statusCode(200).body("success", equalTo(true));

            ConsumerRecord<String, byte[]> record = watch.await(r -> hasMessageId(r, id), WAIT).orElseThrow();
            JsonNode event = data(record);
            assertThat(record.key()).isEqualTo(tenant + ":anon-1");
            assertThat(EventSchemas.violations(Topics.INGEST_LISTENER_EVENT_V1, event)).isEmpty();
            assertThat(event.get("tenantId").asText()).isEqualTo(tenant.toString());
            assertThat(event.get("action").asText()).isEqualTo("PROGRESS");
            assertThat(event.get("positionSeconds").asDouble()).isEqualTo(61.5);
            assertThat(event.get("platform").asText()).isEqualTo("ios");
            assertThat(event.at("/client/agentKind").asText()).isEqualTo("APP");
            assertThat(event.at("/client/appName").asText()).isEqualTo("Apple Podcasts");
            assertThat(event.at("/client/ipHash").asText()).hasSize(64);
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("198.51.100.23");
            CloudEvent envelope = CloudEvent.fromRecord(record.headers(), record.value());
            assertThat(envelope.type()).isEqualTo("io.podcastplatform.ingest.listener-event");
            assertThat(envelope.tenantId()).isEqualTo(tenant);
        }
    }

    @Test
    void aPageIsAnAttributionEventWithItsCampaignAndAnOrderAlsoAConversion() {
        String page = messageId();
        String order = messageId();
        try (TestKafka.Watch touches = TestKafka.watch(Topics.INGEST_ATTRIBUTION_EVENT_V1);
             TestKafka.Watch conversions = TestKafka.watch(Topics.INGEST_CONVERSION_EVENT_V1)) {
            segment().body("""
                    {"messageId":"%s","userId":"u-1","name":"Pricing","context":{"page":{"url":"https://acme.example/pricing",
                     "referrer":"https://www.google.com/"},"campaign":{"source":"podcast","medium":"audio","name":"ep42"}}}""".formatted(page))
                    .when().post("/v1/page").then().statusCode(200).body("success", equalTo(true));
            segment().body("""
                    {"messageId":"%s","userId":"u-1","event":"Order Completed",
                     "properties":{"order_id":"A-1","revenue":"49.90","currency":"eur"}}""".formatted(order))
                    .when().post("/v1/track").then().statusCode(200);

            JsonNode touch = data(touches.await(r -> hasMessageId(r, page), WAIT).orElseThrow());
            assertThat(EventSchemas.violations(Topics.INGEST_ATTRIBUTION_EVENT_V1, touch)).isEmpty();
            assertThat(touch.get("type").asText()).isEqualTo("page");
            assertThat(touch.get("pageUrl").asText()).isEqualTo("https://acme.example/pricing");
            assertThat(touch.at("/campaign/name").asText()).isEqualTo("ep42");
            assertThat(touches.await(r -> hasMessageId(r, order), WAIT)).isPresent();

            JsonNode conversion = data(conversions.await(r -> hasMessageId(r, order), WAIT).orElseThrow());
            assertThat(EventSchemas.violations(Topics.INGEST_CONVERSION_EVENT_V1, conversion)).isEmpty();
            assertThat(conversion.get("value").decimalValue()).isEqualByComparingTo("49.90");
            assertThat(conversion.get("currency").asText()).isEqualTo("EUR");
            assertThat(conversion.get("orderId").asText()).isEqualTo("A-1");
        }
    }

    @Test
    void aClientClockThatIsAnHourBehindIsCorrectedWithSentAt() {
        String id = messageId();
        OffsetDateTime wrongClock = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        try (TestKafka.Watch watch = TestKafka.watch(Topics.INGEST_ATTRIBUTION_EVENT_V1)) {
            segment().body("""
                    {"messageId":"%s","anonymousId":"a","event":"Signed Up","timestamp":"%s","sentAt":"%s"}"""
                    .formatted(id, wrongClock.minusSeconds(10), wrongClock))
                    .when().post("/v1/track").then().statusCode(200);

            JsonNode event = data(watch.await(r -> hasMessageId(r, id), WAIT).orElseThrow());
            OffsetDateTime occurred = OffsetDateTime.parse(event.get("occurredAt").asText());
            OffsetDateTime received = OffsetDateTime.parse(event.get("receivedAt").asText());
            assertThat(Duration.between(occurred, received)).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPartlyValidBatchAcceptsTheValidEventsAndListsTheOthers() {
        String good = messageId();
        try (TestKafka.Watch watch = TestKafka.watch(Topics.INGEST_ATTRIBUTION_EVENT_V1)) {
            segment().body("""
                    {"batch":[
                      {"type":"track","messageId":"%s","anonymousId":"a","event":"Clicked"},
                      {"type":"track","messageId":"bad-1","event":"No one"},
                      {"type":"launch","messageId":"bad-2","userId":"u"},
                      {"type":"page","messageId":"bad-3","userId":"u","timestamp":"%s"}
                    ],"context":{"library":{"name":"test"}}}""".formatted(good, OffsetDateTime.now(ZoneOffset.UTC).plusDays(3)))
                    .when().post("/v1/batch").then().statusCode(200)
                    .body("success", equalTo(true))
                    .body("accepted", equalTo(1))
                    .body("rejected", hasSize(3))
                    .body("rejected[0].index", equalTo(1))
                    .body("rejected[0].reasons", hasItem(containsString("userId or anonymousId is required")))
                    .body("rejected[1].reasons", hasItem(containsString("type: must be one of")))
                    .body("rejected[2].reasons", hasItem(containsString("in the future")));

            assertThat(watch.await(r -> hasMessageId(r, good), WAIT)).isPresent();
        }
    }

    @Test
    void aBatchWithNoValidEventIsA400ListingEveryReason() {
        segment().body("{\"batch\":[{\"type\":\"track\"},{\"type\":\"alias\",\"userId\":5,\"anonymousId\":{}}]}")
                .when().post("/v1/batch").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("batch[0].userId"))
                .body("errors.field", hasItem("batch[0].event"))
                .body("errors.field", hasItem("batch[1].anonymousId"));
    }

    @Test
    void badInputIsA4xxProblemNeverA5xx() throws IOException {
        segment().body("{not json").when().post("/v1/track").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        segment().body("[1,2]").when().post("/v1/track").then().statusCode(400);
        segment().body("").when().post("/v1/track").then().statusCode(400);
        segment().body("{\"anonymousId\":\"a\",\"event\":42,\"properties\":[]}").when().post("/v1/track").then().statusCode(400)
                .body("errors.field", hasItem("event")).body("errors.field", hasItem("properties"));
        segment().body("{\"anonymousId\":\"a\",\"event\":\"x\",\"timestamp\":\"yesterday\"}").when().post("/v1/track")
                .then().statusCode(400).body("errors.field", hasItem("timestamp"));
        segment().body("{\"anonymousId\":\"a\",\"event\":\"x\",\"timestamp\":\"1999-01-01T00:00:00Z\"}").when().post("/v1/track")
                .then().statusCode(400).body("detail", containsString("older than"));
        segment().body("{\"anonymousId\":\"" + "x".repeat(40_000) + "\",\"event\":\"x\"}").when().post("/v1/track")
                .then().statusCode(400).body("detail", containsString("32768 bytes per event"));
        segment().body(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}).when().post("/v1/track")
                .then().statusCode(400);
        segment().header("Content-Encoding", "gzip").body("definitely not gzip".getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/track").then().statusCode(400).body("detail", containsString("gzip"));
        segment().header("Content-Encoding", "br").body("{}").when().post("/v1/track").then().statusCode(415);
    }

    @Test
    void requestsOverFiveHundredKilobytesAre413EvenWhenGzipShrinksThem() throws IOException {
        String big = "{\"batch\":[" + ("{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"" + "y".repeat(1000) + "\"},").repeat(600)
                + "{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"z\"}]}";
        segment().body(big).when().post("/v1/batch").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("512000 bytes per request"));
        segment().header("Content-Encoding", "gzip").body(gzip(big)).when().post("/v1/batch").then().statusCode(413)
                .body("detail", containsString("after gzip decompression"));
    }

    @Test
    void bodiesPastTheHttpLayersLimitAreA413ProblemToo() {
        byte[] huge = ("{\"batch\":[{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"" + "h".repeat(1_200_000) + "\"}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        segment().body(huge).when().post("/v1/batch").then().statusCode(413).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(413)).body("detail", containsString("512000 bytes per request"));
        // streamed without a Content-Length: cut off by the HTTP layer's limit, answered with the same problem
        segment().body(new java.io.ByteArrayInputStream(huge)).when().post("/v1/batch").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("512000 bytes per request"));
    }

    @Test
    void gzipBodiesAreAccepted() throws IOException {
        segment().header("Content-Encoding", "gzip")
                .body(gzip("{\"messageId\":\"" + messageId() + "\",\"anonymousId\":\"a\",\"event\":\"Zipped\"}"))
                .when().post("/v1/track").then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void theWriteKeyMayComeInXWriteKeyAndAnythingElseIs401() {
        given().header("X-Write-Key", writeKey.key()).contentType(ContentType.JSON)
                .body("{\"anonymousId\":\"a\",\"event\":\"Header key\"}").when().post("/v1/track").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"anonymousId\":\"a\",\"event\":\"x\"}")
                .when().post("/v1/track").then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("pk_" + "x".repeat(40), "").contentType(ContentType.JSON)
                .body("{\"anonymousId\":\"a\",\"event\":\"x\"}").when().post("/v1/track").then().statusCode(401);
        given().auth().preemptive().basic("not-a-key", "").contentType(ContentType.JSON)
                .body("{\"anonymousId\":\"a\",\"event\":\"x\"}").when().post("/v1/track").then().statusCode(401);
    }

    @Test
    void aRevokedKeyIsRefusedWithinSeconds() {
        TestApiKeys.revoke(writeKey);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> segment()
                .body("{\"anonymousId\":\"a\",\"event\":\"x\"}").when().post("/v1/track").then().statusCode(401)
                .contentType("application/problem+json"));
    }

    @Test
    void aSuspendedTenantIsRefusedWith403() {
        TestTenants.announce(tenant, TenantStatus.SUSPENDED, 2);
        await().atMost(WAIT).untilAsserted(() -> segment().body("{\"anonymousId\":\"a\",\"event\":\"x\"}")
                .when().post("/v1/track").then().statusCode(403).contentType("application/problem+json"));
    }

    @Test
    void aSecretKeysContextIpIsBelievedAndAWriteKeysIsNot() {
        TestApiKeys.IssuedKey secret = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("events:write"));
        awaitKeyKnown(secret);
        String fromServer = messageId();
        String fromServerSameIp = messageId();
        String fromBrowser = messageId();
        String body = "{\"messageId\":\"%s\",\"anonymousId\":\"a\",\"event\":\"x\",\"context\":{\"ip\":\"203.0.113.9\"}}";
        try (TestKafka.Watch watch = TestKafka.watch(Topics.INGEST_ATTRIBUTION_EVENT_V1)) {
            given().auth().oauth2(secret.key()).contentType(ContentType.JSON).body(body.formatted(fromServer))
                    .when().post("/v1/track").then().statusCode(200);
            given().auth().oauth2(secret.key()).contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.1")
                    .body(body.formatted(fromServerSameIp)).when().post("/v1/track").then().statusCode(200);
            segment().body(body.formatted(fromBrowser)).when().post("/v1/track").then().statusCode(200);

            String server = data(watch.await(r -> hasMessageId(r, fromServer), WAIT).orElseThrow()).at("/client/ipHash").asText();
            String serverAgain = data(watch.await(r -> hasMessageId(r, fromServerSameIp), WAIT).orElseThrow()).at("/client/ipHash").asText();
            String browser = data(watch.await(r -> hasMessageId(r, fromBrowser), WAIT).orElseThrow()).at("/client/ipHash").asText();
            assertThat(server).isEqualTo(serverAgain).isNotEqualTo(browser);
        }
    }

    @Test
    void theUntrustedForwardedHeaderOfAnUnknownHopIsIgnoredButLoopbackIsATrustedProxyInTests() {
        String a = messageId();
        String b = messageId();
        try (TestKafka.Watch watch = TestKafka.watch(Topics.INGEST_ATTRIBUTION_EVENT_V1)) {
            segment().header("Forwarded", "for=\"[2001:db8:1:2::7]:4711\"").body("{\"messageId\":\"" + a + "\",\"anonymousId\":\"a\",\"event\":\"x\"}")
                    .when().post("/v1/track").then().statusCode(200);
            segment().header("Forwarded", "for=\"[2001:db8:1:2::8]\"").body("{\"messageId\":\"" + b + "\",\"anonymousId\":\"a\",\"event\":\"x\"}")
                    .when().post("/v1/track").then().statusCode(200);

            JsonNode first = data(watch.await(r -> hasMessageId(r, a), WAIT).orElseThrow()).get("client");
            JsonNode second = data(watch.await(r -> hasMessageId(r, b), WAIT).orElseThrow()).get("client");
            // same /64 household, different addresses
            assertThat(first.get("householdHash").asText()).isEqualTo(second.get("householdHash").asText());
            assertThat(first.get("ipHash").asText()).isNotEqualTo(second.get("ipHash").asText());
            assertThat(first.get("countryCode").isNull()).isTrue();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
