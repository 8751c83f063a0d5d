package io.podcastplatform.ingest.track;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Compatibility: Segment's own Java library (com.segment.analytics.java:analytics), pointed at ingest, delivers its events. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class SegmentJavaClientIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL root;

    @Test
    void theSegmentJavaLibraryDeliversTrackPageAndIdentify() {
        UUID tenant = TestTenants.fresh();
        TestApiKeys.IssuedKey writeKey = TestApiKeys.writeKey(tenant);
        await().atMost(WAIT).untilAsserted(() -> given().auth().preemptive().basic(writeKey.key(), "").body("{}")
                .when().post("/v1/identify").then().statusCode(400));
        List<Message> delivered = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        String user = "segment-user-" + UUID.randomUUID();

        Analytics analytics = Analytics.builder(writeKey.key())
                .endpoint(root.toString().replaceAll("/+$", ""))
                .flushQueueSize(3)
                .log(new com.segment.analytics.Log() {
                    @Override
                    public void print(Level level, String format, Object... args) {
                        System.out.println("segment-client " + level + " " + String.format(format, args));
                    }

                    @Override
                    public void print(Level level, Throwable error, String format, Object... args) {
                        System.out.println("segment-client " + level + " " + String.format(format, args) + " " + error);
                    }
                })
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.add(message);
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                    }
                })
                .build();
        try {
            analytics.enqueue(TrackMessage.builder("Episode Started").userId(user)
                    .properties(Map.of("episode_id", UUID.randomUUID().toString(), "position", 0, "platform", "android")));
            analytics.enqueue(PageMessage.builder("Pricing").userId(user)
                    .context(Map.of("page", Map.of("url", "https://acme.example/pricing"), "campaign", Map.of("source", "podcast"))));
            analytics.enqueue(IdentifyMessage.builder().userId(user).traits(Map.of("plan", "pro")));
            analytics.flush();

            await().atMost(WAIT).untilAsserted(() -> assertThat(delivered).hasSize(3));
            assertThat(failures).isEmpty();
        } finally {
            analytics.shutdown();
        }
        TestDatabase app = TestDatabase.as("ingest_app");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(app.countInTenant(tenant, "SELECT 1 FROM ingest.listener_events WHERE user_id = ? AND event_type = 'started' AND platform = 'android'", user))
                    .isEqualTo(1);
            assertThat(app.countInTenant(tenant, "SELECT 1 FROM ingest.attribution_events WHERE user_id = ? AND event_type IN ('page', 'identify')", user))
                    .isEqualTo(2);
        });
        // the key in the body is checked like any other
        given().contentType("application/json").body("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"x\"}]}")
                .when().post("/v1/import").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{\"writeKey\":\"pk_" + "q".repeat(40) + "\",\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"x\"}]}")
                .when().post("/v1/import").then().statusCode(401);
        TestApiKeys.revoke(writeKey);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().contentType("application/json")
                .body("{\"writeKey\":\"" + writeKey.key() + "\",\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"x\"}]}")
                .when().post("/v1/import").then().statusCode(401));
        String messageId = delivered.stream().filter(m -> m.type() == Message.Type.track).findFirst().orElseThrow().messageId();
        assertThat(app.countInTenant(tenant, "SELECT 1 FROM ingest.listener_events WHERE message_id = ?", messageId)).isEqualTo(1);
    }
}
