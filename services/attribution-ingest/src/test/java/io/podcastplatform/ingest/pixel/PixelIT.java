package io.podcastplatform.ingest.pixel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.Topics;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pixel: always a 1×1 GIF that is never cached; valid hits stored, the others dead-lettered. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class PixelIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final byte[] GIF_HEADER = "GIF89a".getBytes(StandardCharsets.US_ASCII);

    private UUID tenant;
    private TestApiKeys.IssuedKey writeKey;

    @BeforeEach
    void freshTenantWithAWriteKey() {
        tenant = TestTenants.fresh();
        writeKey = TestApiKeys.writeKey(tenant);
        await().atMost(WAIT).untilAsserted(() -> given().auth().preemptive().basic(writeKey.key(), "").body("{}")
                .when().post("/v1/identify").then().statusCode(400));
    }

    private static void assertIsTheImage(Response response) {
        response.then().statusCode(200).contentType("image/gif").header("Cache-Control", containsString("no-cache"));
        byte[] body = response.asByteArray();
        assertThat(body).startsWith(GIF_HEADER);
        assertThat(body.length).isLessThan(100);
    }

    @Test
    void aPageViewAndAConversionAreStored() {
        String view = "pv-" + UUID.randomUUID();
        String conversion = "cv-" + UUID.randomUUID();
        assertIsTheImage(given().queryParam("writeKey", writeKey.key()).queryParam("e", "page_view").queryParam("mid", view)
                .queryParam("url", "https://shop.example/?utm_source=pod").queryParam("utm_source", "podcast").queryParam("utm_campaign", "ep42")
                .when().get("/v1/pixel.gif"));
        assertIsTheImage(given().queryParam("writeKey", writeKey.key()).queryParam("e", "conversion").queryParam("mid", conversion)
                .queryParam("value", "19.99").queryParam("currency", "eur").queryParam("order_id", "O-1").queryParam("aid", "visitor-1")
                .when().get("/v1/pixel.gif"));

        TestDatabase app = TestDatabase.as("ingest_app");
        await().atMost(WAIT).untilAsserted(() -> assertThat(app.countInTenant(tenant, """
                SELECT 1 FROM ingest.attribution_events e JOIN ingest.attribution_event_metadata m USING (tenant_id, event_id, occurred_at)
                 WHERE e.message_id = ? AND e.event_type = 'pixel' AND e.attribution_method = 'pixel' AND m.utm_campaign = 'ep42'
                   AND e.anonymous_id LIKE 'px:%'""", view)).isEqualTo(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(app.countInTenant(tenant, """
                SELECT 1 FROM ingest.conversion_events WHERE message_id = ? AND source = 'PIXEL' AND conversion_value = 19.99
                   AND currency = 'EUR' AND order_id = 'O-1' AND anonymous_id = 'visitor-1'""", conversion)).isEqualTo(1));
    }

    @Test
    void refusedHitsStillGetTheImageAndAreDeadLettered() {
        String badKey = "mid-" + UUID.randomUUID();
        String badValue = "mid-" + UUID.randomUUID();
        try (TestKafka.Watch deadLetters = TestKafka.watch(Topics.INGEST_DEAD_LETTER_V1)) {
            assertIsTheImage(given().queryParam("writeKey", "pk_" + "z".repeat(40)).queryParam("mid", badKey).when().get("/v1/pixel.gif"));
            assertIsTheImage(given().queryParam("writeKey", writeKey.key()).queryParam("mid", badValue).queryParam("value", "lots")
                    .queryParam("e", "purchase").when().get("/v1/pixel.gif"));
            assertIsTheImage(given().when().get("/v1/pixel.gif"));
            assertIsTheImage(given().queryParam("writeKey", "").queryParam("e", "").when().get("/v1/pixel.gif"));
            assertIsTheImage(given().queryParam("writeKey", writeKey.key()).queryParam("url", "u".repeat(10_000)).when().get("/v1/pixel.gif"));

            JsonNode unknownKey = EventJson.tree(deadLetters.await(r -> new String(r.value(), StandardCharsets.UTF_8).contains(badKey), WAIT)
                    .orElseThrow().value());
            assertThat(unknownKey.get("reason").asText()).contains("unknown, revoked or expired");
            assertThat(unknownKey.get("source").asText()).isEqualTo("PIXEL");
            JsonNode badInput = EventJson.tree(deadLetters.await(r -> new String(r.value(), StandardCharsets.UTF_8).contains(badValue), WAIT)
                    .orElseThrow().value());
            assertThat(badInput.get("tenantId").asText()).isEqualTo(tenant.toString());
            assertThat(badInput.get("reason").asText()).contains("value: must be a number").contains("e: must be page_view or conversion");
        }
        given().when().get("/q/metrics").then().body(containsString("ingest_rejected_total{source=\"PIXEL\""));
    }
}
