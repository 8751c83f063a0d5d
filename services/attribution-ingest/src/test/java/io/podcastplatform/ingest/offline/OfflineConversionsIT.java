package io.podcastplatform.ingest.offline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offline conversions: a per-row report, stored once per order, never raw personal data, never a 5xx. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class OfflineConversionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TestDatabase APP = TestDatabase.as("ingest_app");
    private static final String EMAIL_SHA256 = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";

    private UUID tenant;
    private TestApiKeys.IssuedKey secretKey;

    @BeforeEach
    void freshTenantWithASecretKey() {
        tenant = TestTenants.fresh();
        secretKey = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("events:write"));
        await().atMost(WAIT).untilAsserted(() -> upload("text/csv", "x\n").then().statusCode(400));
    }

    private RequestSpecification server() {
        return given().header("Authorization", "Bearer " + secretKey.key());
    }

    private io.restassured.response.Response upload(String contentType, String body) {
        return server().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/conversions/offline");
    }

    private static String recent(int hoursAgo) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo).withNano(0).toString();
    }

    @Test
    void validRowsAreAcceptedAndStoredOnceInvalidOnesAreReportedWithReasons() {
        String a = "OFF-" + UUID.randomUUID();
        String b = "OFF-" + UUID.randomUUID();
        String csv = "order_id,occurred_at,value,currency,email_sha256\n"
                + a + "," + recent(2) + ",49.90,eur," + EMAIL_SHA256 + "\n"
                + b + "," + recent(3) + ",10,USD,\n"
                + "," + recent(1) + ",-1,XYZ,alice@example.com\n";
        try (TestKafka.Watch watch = TestKafka.watch(Topics.INGEST_CONVERSION_EVENT_V1)) {
            upload("text/csv", csv).then().statusCode(200)
                    .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                    .body("rows[0].status", equalTo("accepted")).body("rows[0].orderId", equalTo(a))
                    .body("rows[2].row", equalTo(3)).body("rows[2].status", equalTo("rejected"))
                    .body("rows[2].reasons", hasItem("order_id: is required"))
                    .body("rows[2].reasons", hasItem("value: must be a non-negative amount below 10^14"))
                    .body("rows[2].reasons", hasItem("currency: must be an ISO 4217 code such as EUR"))
                    .body("rows[2].reasons", hasItem(containsString("email_sha256: must be the 64 hex digits")));

            // what is published is the topic's contract
            for (String order : List.of(a, b)) {
                var record = watch.await(r -> order.equals(EventJson.tree(r.value()).path("orderId").asText()), WAIT).orElseThrow();
                JsonNode data = EventJson.tree(record.value());
                assertThat(EventSchemas.violations(Topics.INGEST_CONVERSION_EVENT_V1, data)).isEmpty();
                assertThat(data.get("source").asText()).isEqualTo("OFFLINE");
                assertThat(data.get("messageId").asText()).isEqualTo("offline:" + order);
            }
        }
        // the same file again (a retried upload) changes nothing
        upload("text/csv", csv).then().statusCode(200).body("accepted", equalTo(2));

        await().atMost(WAIT).untilAsserted(() -> assertThat(APP.countInTenant(tenant,
                "SELECT 1 FROM ingest.conversion_events WHERE order_id IN (?, ?) AND source = 'OFFLINE'", a, b)).isEqualTo(2));
        assertThat(APP.countInTenant(tenant, """
                SELECT 1 FROM ingest.conversion_events WHERE order_id = ? AND conversion_value = 49.90 AND currency = 'EUR'
                   AND anonymous_id = ?""", a, "email-sha256:" + EMAIL_SHA256)).isEqualTo(1);
        assertThat(APP.countInTenant(tenant, "SELECT 1 FROM ingest.conversion_events WHERE order_id = ? AND anonymous_id = ?", b, "order:" + b))
                .isEqualTo(1);
        String later = "OFF-" + UUID.randomUUID();
        upload("application/x-ndjson", "{\"order_id\":\"" + later + "\",\"occurred_at\":\"" + recent(1) + "\",\"value\":1,\"currency\":\"EUR\"}\n")
                .then().statusCode(200).body("accepted", equalTo(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(APP.countInTenant(tenant,
                "SELECT 1 FROM ingest.conversion_events WHERE order_id = ?", later)).isEqualTo(1));
        assertThat(APP.countInTenant(tenant, "SELECT 1 FROM ingest.conversion_events WHERE order_id IN (?, ?)", a, b)).isEqualTo(2);
    }

    @Test
    void rawPersonalDataIsRefusedAndNothingValidIsA400() {
        upload("application/x-ndjson", "{\"order_id\":\"X-1\",\"occurred_at\":\"" + recent(1)
                + "\",\"value\":5,\"currency\":\"EUR\",\"email\":\"alice@example.com\"}\nnot json\n")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("rows[1]")).body("errors.message", hasItem(containsString("raw personal data is never accepted")))
                .body("errors.message", hasItem("row: line is not valid JSON"));
        upload("text/csv", "order_id,occurred_at,value,currency\nX-2,yesterday,5,EUR\nX-3," + OffsetDateTime.now().plusDays(3) + ",5,EUR\n")
                .then().statusCode(400).body("errors.message", hasItem(containsString("occurred_at: must be ISO-8601")))
                .body("errors.message", hasItem(containsString("in the future")));
    }

    @Test
    void writeKeysOtherMediaTypesAndOversizedUploadsAreProblems() {
        TestApiKeys.IssuedKey writeKey = TestApiKeys.writeKey(tenant);
        await().atMost(WAIT).untilAsserted(() -> given().header("X-Write-Key", writeKey.key()).contentType("text/csv")
                .body("order_id\n1\n").when().post("/v1/conversions/offline").then().statusCode(403)
                .body("detail", containsString("secret key")));
        upload("application/json", "{}").then().statusCode(415).contentType(containsString("application/problem+json"));
        upload("text/csv", "order_id\n" + "1\n".repeat(10_001)).then().statusCode(413).body("detail", containsString("10000 rows"));
        upload("text/csv", "order_id\n" + "x".repeat(600_000) + "\n").then().statusCode(413).body("detail", containsString("512000 bytes"));
        given().contentType("text/csv").body("order_id\n1\n").when().post("/v1/conversions/offline").then().statusCode(401);
    }
}
