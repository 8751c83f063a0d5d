package io.podcastplatform.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shopify-style partner webhooks: managed integrations, signed deliveries, stale and replayed ones refused, never a 5xx. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class WebhooksIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TestDatabase APP = TestDatabase.as("ingest_app");

    private UUID tenant;
    private TestApiKeys.IssuedKey secretKey;

    @BeforeEach
    void freshTenantWithAnIntegrationKey() {
        tenant = TestTenants.fresh();
        secretKey = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("integration:manage", "integration:read"));
        await().atMost(WAIT).untilAsserted(() -> server().when().get("/v1/integrations").then().statusCode(200));
    }

    private RequestSpecification server() {
        return given().header("Authorization", "Bearer " + secretKey.key());
    }

    private JsonNode createShopify() {
        Response created = server().contentType("application/json").body("{\"partner\":\"shopify\",\"name\":\"Acme store\"}")
                .when().post("/v1/integrations");
        created.then().statusCode(201).body("signingSecret", startsWith("whsec_")).body("webhookPath", startsWith("/v1/webhooks/shopify/"));
        return EventJson.tree(created.asByteArray());
    }

    private static Response deliver(String path, String secret, String body, OffsetDateTime triggeredAt, String deliveryId) {
        return given().contentType("application/json").header("X-Shopify-Hmac-Sha256", sign(secret, body))
                .header("X-Shopify-Triggered-At", triggeredAt.toString()).header("X-Shopify-Webhook-Id", deliveryId)
                .header("X-Shopify-Topic", "orders/create").body(body.getBytes(StandardCharsets.UTF_8)).when().post(path);
    }

    private static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String order(long id) {
        return """
                {"id": %d, "created_at": "%s", "total_price": "59.00", "currency": "EUR", "email": " Alice@Example.com ",
                 "landing_site": "/?utm_source=podcast", "referring_site": "https://podcast.example/ep42", "line_items": []}"""
                .formatted(id, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withNano(0));
    }

    @Test
    void aSignedOrderBecomesOneConversionAndAReplayedDeliveryDoesNothing() throws Exception {
        JsonNode integration = createShopify();
        String path = integration.get("webhookPath").asText();
        String secret = integration.get("signingSecret").asText();
        long orderId = System.nanoTime();
        String body = order(orderId);
        String delivery = "d-" + UUID.randomUUID();

        try (TestKafka.Watch watch = TestKafka.watch(Topics.INGEST_CONVERSION_EVENT_V1)) {
            deliver(path, secret, body, OffsetDateTime.now(ZoneOffset.UTC), delivery).then().statusCode(200)
                    .body("accepted", equalTo(true)).body("duplicate", equalTo(false)).body("orderId", equalTo(Long.toString(orderId)));
            JsonNode data = EventJson.tree(watch.await(r -> EventJson.tree(r.value()).path("orderId").asText().equals(Long.toString(orderId)),
                    WAIT).orElseThrow().value());
            assertThat(EventSchemas.violations(Topics.INGEST_CONVERSION_EVENT_V1, data)).isEmpty();
            assertThat(data.get("source").asText()).isEqualTo("WEBHOOK");
            assertThat(data.toString()).doesNotContainIgnoringCase("alice@example.com");
        }
        deliver(path, secret, body, OffsetDateTime.now(ZoneOffset.UTC), delivery).then().statusCode(200)
                .body("accepted", equalTo(false)).body("duplicate", equalTo(true));

        String emailHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("alice@example.com".getBytes(StandardCharsets.UTF_8)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(APP.countInTenant(tenant, """
                SELECT 1 FROM ingest.conversion_events WHERE order_id = ? AND source = 'WEBHOOK' AND conversion_value = 59
                   AND currency = 'EUR' AND anonymous_id = ? AND referrer_url = 'https://podcast.example/ep42'""",
                Long.toString(orderId), "email-sha256:" + emailHash)).isEqualTo(1));
        assertThat(APP.countInTenant(tenant, "SELECT 1 FROM ingest.webhook_delivery WHERE delivery_id = ?", delivery)).isEqualTo(1);
        // the secret is kept encrypted, never as it was shown
        assertThat(APP.countInTenant(tenant, "SELECT 1 FROM ingest.integration WHERE position(convert_to(?, 'UTF8') in secret_ciphertext) > 0",
                secret)).isZero();
    }

    @Test
    void badSignaturesStaleDeliveriesMalformedBodiesAndUnknownIntegrationsAreProblems() {
        JsonNode integration = createShopify();
        String path = integration.get("webhookPath").asText();
        String secret = integration.get("signingSecret").asText();
        String body = order(System.nanoTime());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        deliver(path, "whsec_wrong", body, now, "d-" + UUID.randomUUID()).then().statusCode(401)
                .contentType(containsString("application/problem+json")).body("detail", containsString("signature"));
        deliver(path, secret, body, now.minusSeconds(301), "d-" + UUID.randomUUID()).then().statusCode(401).body("detail", containsString("stale"));
        deliver(path, secret, body, now.plusMinutes(10), "d-" + UUID.randomUUID()).then().statusCode(401).body("detail", containsString("stale"));
        given().contentType("application/json").body(body).when().post(path).then().statusCode(401);
        deliver(path, secret, "{not json", now, "d-" + UUID.randomUUID()).then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        deliver(path, secret, "{\"id\": 1, \"total_price\": \"x\", \"currency\": \"EURO\"}", now, "d-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors.field", hasItem("total_price")).body("errors.field", hasItem("currency"));
        deliver(path, secret, body, now, "").then().statusCode(400);
        deliver("/v1/webhooks/shopify/" + UUID.randomUUID(), secret, body, now, "d-1").then().statusCode(401);
        deliver("/v1/webhooks/shopify/not-a-uuid", secret, body, now, "d-1").then().statusCode(401);
        deliver(path.replace("/shopify/", "/woocommerce/"), secret, body, now, "d-1").then().statusCode(401);
    }

    @Test
    void theTenantListsAndDeletesItsIntegrationsWithoutEverSeeingTheSecretAgain() {
        JsonNode integration = createShopify();
        String id = integration.get("id").asText();
        server().when().get("/v1/integrations").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items[0].signingSecret", nullValue());
        server().when().get("/v1/integrations/" + id).then().statusCode(200).body("name", equalTo("Acme store"))
                .body("$", not(org.hamcrest.Matchers.hasKey("signingSecret")));
        server().contentType("application/json").body("{\"partner\":\"myspace\",\"name\":\"x\"}").when().post("/v1/integrations")
                .then().statusCode(400).body("errors.field", hasItem("partner"));
        server().when().get("/v1/integrations?cursor=garbage").then().statusCode(400);

        // another tenant cannot see it
        UUID other = TestTenants.fresh();
        TestApiKeys.IssuedKey otherKey = TestApiKeys.issue(other, ApiKeyType.SECRET, List.of("integration:read"));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + otherKey.key())
                .when().get("/v1/integrations/" + id).then().statusCode(404));

        TestApiKeys.IssuedKey readOnly = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("integration:read"));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + readOnly.key())
                .when().delete("/v1/integrations/" + id).then().statusCode(403));

        server().when().delete("/v1/integrations/" + id).then().statusCode(204);
        server().when().delete("/v1/integrations/" + id).then().statusCode(404);
        deliver(integration.get("webhookPath").asText(), integration.get("signingSecret").asText(), order(1), OffsetDateTime.now(ZoneOffset.UTC),
                "d-" + UUID.randomUUID()).then().statusCode(401);
    }
}
