package io.podcastplatform.ingest.persist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.ListenerEvent;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From the API through the topics into the time-partitioned tables: exactly once, per tenant, readable by analytics. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class PersistEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TestDatabase APP = TestDatabase.as("ingest_app");

    private UUID tenant;
    private TestApiKeys.IssuedKey writeKey;

    @BeforeEach
    void freshTenantWithAWriteKey() {
        tenant = TestTenants.fresh();
        writeKey = TestApiKeys.writeKey(tenant);
        await().atMost(WAIT).untilAsserted(() -> segment().body("{}").when().post("/v1/identify").then().statusCode(400));
    }

    private RequestSpecification segment() {
        return given().auth().preemptive().basic(writeKey.key(), "").contentType(ContentType.JSON);
    }

    private long count(UUID boundTenant, String sql, Object... parameters) {
        return APP.countInTenant(boundTenant, sql, parameters);
    }

    private void awaitCount(String sql, long expected, Object... parameters) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(tenant, sql, parameters)).isEqualTo(expected));
    }

    @Test
    void acceptedEventsAreStoredInTheirTablesWithTheirEnrichment() {
        String listen = "l-" + UUID.randomUUID();
        String page = "p-" + UUID.randomUUID();
        String order = "o-" + UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        segment().header("User-Agent", "Spotify/8.8.0 iOS/17.4 (iPhone15,2)").body("""
                {"batch":[
                 {"type":"track","messageId":"%s","anonymousId":"a-1","event":"Episode Completed",
                  "properties":{"episode_id":"%s","position":1500,"duration":3000,"platform":"ios"}},
                 {"type":"page","messageId":"%s","anonymousId":"a-1","context":{"page":{"url":"https://acme.example/p"},
                  "campaign":{"source":"podcast","name":"ep42"}}},
                 {"type":"track","messageId":"%s","userId":"u-1","event":"Order Completed","properties":{"revenue":12.5,"currency":"USD","order_id":"A-9"}}
                ]}""".formatted(listen, episode, page, order)).when().post("/v1/batch").then().statusCode(200);

        awaitCount("SELECT 1 FROM ingest.listener_events WHERE message_id = ?", 1, listen);
        awaitCount("SELECT 1 FROM ingest.attribution_events WHERE message_id IN (?, ?)", 2, page, order);
        awaitCount("SELECT 1 FROM ingest.conversion_events WHERE message_id = ?", 1, order);
        assertThat(count(tenant, """
                SELECT 1 FROM ingest.listener_events WHERE message_id = ? AND episode_id = ? AND event_type = 'completed'
                   AND completion_rate = 0.5 AND listen_duration_seconds = 1500 AND platform = 'ios' AND ip_hash ~ '^[0-9a-f]{64}$'
                   AND user_agent LIKE 'Spotify/%'""", listen, episode)).isEqualTo(1);
        assertThat(count(tenant, """
                SELECT 1 FROM ingest.attribution_events e JOIN ingest.attribution_event_metadata m USING (tenant_id, event_id, occurred_at)
                 WHERE e.message_id = ? AND e.attribution_method = 'utm' AND m.utm_campaign = 'ep42' AND m.page_url = 'https://acme.example/p'""",
                page)).isEqualTo(1);
        assertThat(count(tenant, "SELECT 1 FROM ingest.conversion_events WHERE message_id = ? AND conversion_value = 12.5 AND currency = 'USD' AND order_id = 'A-9'",
                order)).isEqualTo(1);
    }

    @Test
    void aMessageSentTwiceOrDeliveredTwiceIsStoredOnce() {
        String id = "dup-" + UUID.randomUUID();
        String body = "{\"messageId\":\"%s\",\"anonymousId\":\"a\",\"event\":\"Signed Up\",\"timestamp\":\"%s\"}";
        segment().body(body.formatted(id, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5))).when().post("/v1/track").then().statusCode(200);
        // the retry of a client that never saw the answer, stamped differently
        segment().body(body.formatted(id, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))).when().post("/v1/track").then().statusCode(200);

        // and the broker redelivering one record
        ListenerEvent listen = new ListenerEvent(UUID.randomUUID(), tenant, "redelivered-" + UUID.randomUUID(), "STARTED",
                OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC), null, "a", null, null, null, 0.0, null, null,
                new io.podcastplatform.events.ingest.ClientContext(null, null, null, null, "MISSING", null, null, null, null, true));
        CloudEvent event = new CloudEvent(listen.id(), "/attribution-ingest", ListenerEvent.TYPE, OffsetDateTime.now(), tenant,
                listen.id().toString(), EventJson.write(listen));
        TestKafka.publish(Topics.INGEST_LISTENER_EVENT_V1, tenant + ":a", event);
        TestKafka.publish(Topics.INGEST_LISTENER_EVENT_V1, tenant + ":a", event);

        awaitCount("SELECT 1 FROM ingest.listener_events WHERE message_id = ?", 1, listen.messageId());
        awaitCount("SELECT 1 FROM ingest.attribution_events WHERE message_id = ?", 1, id);
        // a later event on the same partitions proves the duplicates were consumed, not just not yet seen
        String later = "later-" + UUID.randomUUID();
        segment().body("{\"messageId\":\"" + later + "\",\"anonymousId\":\"a\",\"event\":\"Later\"}").when().post("/v1/track").then().statusCode(200);
        awaitCount("SELECT 1 FROM ingest.attribution_events WHERE message_id = ?", 1, later);
        assertThat(count(tenant, "SELECT 1 FROM ingest.attribution_events WHERE message_id = ?", id)).isEqualTo(1);
        assertThat(count(tenant, "SELECT 1 FROM ingest.listener_events WHERE message_id = ?", listen.messageId())).isEqualTo(1);
    }

    @Test
    void anotherTenantAndAnUnboundSessionSeeNothingAndAnalyticsReadsOnlyTheViews() {
        String id = "rls-" + UUID.randomUUID();
        segment().body("{\"messageId\":\"" + id + "\",\"anonymousId\":\"a\",\"event\":\"Episode Started\"}").when().post("/v1/track")
                .then().statusCode(200);
        awaitCount("SELECT 1 FROM ingest.listener_events WHERE message_id = ?", 1, id);

        UUID other = UUID.randomUUID();
        assertThat(count(other, "SELECT 1 FROM ingest.listener_events WHERE message_id = ?", id)).isZero();
        assertThat(count(null, "SELECT 1 FROM ingest.listener_events WHERE message_id = ?", id)).isZero();
        assertThat(count(null, "SELECT 1 FROM ingest.ingested_message WHERE message_id = ?", id)).isZero();
        // partitions carry the policy too, so reading one directly is no way around it
        String partition = (String) APP.single("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'ingest.listener_events'::regclass AND c.relname NOT LIKE '%default' ORDER BY c.relname DESC LIMIT 1""");
        assertThat(count(null, "SELECT 1 FROM ingest." + partition)).isZero();

        TestDatabase analytics = TestDatabase.as("analytics_app");
        assertThat(analytics.countInTenant(tenant, "SELECT 1 FROM ingest.listener_events_v1 WHERE episode_id IS NULL AND event_type = 'started' AND tenant_id = ?", tenant))
                .isEqualTo(1);
        assertThat(analytics.countInTenant(other, "SELECT 1 FROM ingest.listener_events_v1 WHERE tenant_id = ?", tenant)).isZero();
        assertThat(analytics.attempt("SELECT 1 FROM ingest.listener_events")).isEqualTo("42501");
        assertThat(analytics.attempt("DELETE FROM ingest.listener_events_v1")).isEqualTo("42501");
    }

    @Test
    void aRecordThatCanNeverBeStoredIsDeadLetteredAndDoesNotBlockTheOthers() {
        ObjectNode offSchema = EventSchemas.examples(Topics.INGEST_LISTENER_EVENT_V1).get(0).deepCopy();
        offSchema.put("tenantId", tenant.toString());
        offSchema.put("action", "REWOUND");
        UUID poisonId = UUID.randomUUID();
        CloudEvent poison = new CloudEvent(poisonId, "/attribution-ingest", ListenerEvent.TYPE, OffsetDateTime.now(), tenant, "x",
                EventJson.write(offSchema));
        try (TestKafka.Watch deadLetters = TestKafka.watch(Topics.INGEST_DEAD_LETTER_V1)) {
            TestKafka.publish(Topics.INGEST_LISTENER_EVENT_V1, tenant + ":anon-7f3e", poison);
            String after = "after-" + UUID.randomUUID();
            segment().body("{\"messageId\":\"" + after + "\",\"anonymousId\":\"anon-7f3e\",\"event\":\"Episode Started\"}")
                    .when().post("/v1/track").then().statusCode(200);

            awaitCount("SELECT 1 FROM ingest.listener_events WHERE message_id = ?", 1, after);
            JsonNode letter = EventJson.tree(deadLetters.await(r -> new String(r.value(), StandardCharsets.UTF_8).contains("REWOUND"), WAIT)
                    .orElseThrow().value());
            assertThat(EventSchemas.violations(Topics.INGEST_DEAD_LETTER_V1, letter)).isEmpty();
            assertThat(letter.get("source").asText()).isEqualTo("CONSUMER");
            assertThat(letter.get("topic").asText()).isEqualTo(Topics.INGEST_LISTENER_EVENT_V1);
            assertThat(letter.get("reason").asText()).contains("schema");
            assertThat(letter.get("tenantId").asText()).isEqualTo(tenant.toString());
        }
    }

    @Test
    void aPollLargerThanAStatementIsStoredInPartsEachEventOnceWithARowTheDatabaseRefusesSetAside() {
        // the test profile stores at most 10 rows per statement: these 35 records, on one partition, take several parts
        String run = "parts-" + UUID.randomUUID();
        List<CloudEvent> records = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            // PostgreSQL refuses a NUL character in text (SQLSTATE 22021), which no schema check catches
            String userId = i == 17 ? "nul\u0000user" : "user-" + i;
            ListenerEvent listen = new ListenerEvent(UUID.randomUUID(), tenant, run + "-" + i, "PROGRESS", OffsetDateTime.now(ZoneOffset.UTC),
                    OffsetDateTime.now(ZoneOffset.UTC), userId, null, null, null, null, (double) i, 3600.0, null,
                    new io.podcastplatform.events.ingest.ClientContext(null, null, null, null, "MISSING", null, null, null, null, true));
            records.add(new CloudEvent(listen.id(), "/attribution-ingest", ListenerEvent.TYPE, OffsetDateTime.now(), tenant, listen.id().toString(),
                    EventJson.write(listen)));
        }
        try (TestKafka.Watch deadLetters = TestKafka.watch(Topics.INGEST_DEAD_LETTER_V1)) {
            TestKafka.publishAll(Topics.INGEST_LISTENER_EVENT_V1, tenant + ":parts", records);
            // and once more, as a broker redelivers after a consumer's crash
            TestKafka.publishAll(Topics.INGEST_LISTENER_EVENT_V1, tenant + ":parts", records);

            JsonNode letter = EventJson.tree(deadLetters.await(r -> new String(r.value(), StandardCharsets.UTF_8).contains(run + "-17"), WAIT)
                    .orElseThrow().value());
            assertThat(letter.get("reason").asText()).contains("refused by the database");
            awaitCount("SELECT 1 FROM ingest.listener_events WHERE message_id LIKE ?", 34, run + "-%");
            assertThat(count(tenant, "SELECT DISTINCT message_id FROM ingest.listener_events WHERE message_id LIKE ?", run + "-%")).isEqualTo(34);
            assertThat(count(tenant, "SELECT 1 FROM ingest.listener_events WHERE message_id = ?", run + "-17")).isZero();
            assertThat(count(tenant, "SELECT 1 FROM ingest.listener_events WHERE message_id = ? AND user_id = 'user-34' AND listen_duration_seconds = 34",
                    run + "-34")).isEqualTo(1);
        }
    }

    @Test
    void theConsumersLagIsAMetric() {
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag")));
    }

    @Test
    void rejectedApiEventsAreDeadLetteredAndCounted() {
        try (TestKafka.Watch deadLetters = TestKafka.watch(Topics.INGEST_DEAD_LETTER_V1)) {
            String marker = "marker-" + UUID.randomUUID();
            segment().body("{\"messageId\":\"" + marker + "\",\"event\":\"No identity\"}").when().post("/v1/track").then().statusCode(400);
            JsonNode letter = EventJson.tree(deadLetters.await(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), WAIT)
                    .orElseThrow().value());
            assertThat(letter.get("source").asText()).isEqualTo("API");
            assertThat(letter.get("messageId").asText()).isEqualTo(marker);
            assertThat(letter.get("reason").asText()).contains("anonymousId");
            assertThat(Map.of("tenant", letter.get("tenantId").asText())).containsEntry("tenant", tenant.toString());
        }
        given().when().get("/q/metrics").then().body(containsString("ingest_rejected_total{source=\"API\""));
    }
}
