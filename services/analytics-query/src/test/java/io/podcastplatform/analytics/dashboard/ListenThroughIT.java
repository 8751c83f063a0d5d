package io.podcastplatform.analytics.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.podcastplatform.analytics.rollup.service.DownloadRollupRefresher;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A scripted set of SDK events for one 1,000-second episode: s1 stops at 60 %, s2 at 25 %, s3 completes, an
 * anonymous listener without a session id stops at 96 %, and a bot session reaches 50 %.
 */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class ListenThroughIT {

    @Inject
    DownloadRollupRefresher refresher;

    private final UUID podcast = UUID.randomUUID();
    private final UUID episode = UUID.randomUUID();

    @Test
    void quartilesCompletionAndTheCurveComeFromTheSessions() {
        UUID tenant = TestTenants.fresh();
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage")).key();
        List<String> events = new ArrayList<>();
        events.addAll(session(tenant, "session-1", null, false, "10:00", new double[] {0, 300, 600}, "paused"));
        events.addAll(session(tenant, "session-2", null, false, "10:05", new double[] {0, 250}, "progress"));
        events.addAll(session(tenant, "session-3", null, false, "10:10", new double[] {0, 980}, "completed"));
        events.addAll(session(tenant, null, "anonymous-4", false, "11:00", new double[] {0, 480, 960}, "progress"));
        events.addAll(session(tenant, "session-5", null, true, "11:10", new double[] {0, 500}, "progress"));
        TestDatabase.as("ingest_app").executeInTenant(tenant, events.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-11-10T00:00:00Z\",\"to\":\"2026-11-11T00:00:00Z\"}").when().post("/v1/rollups/recompute")
                .then().statusCode(200));

        period(key).get("/v1/dashboards/listen-through").then().statusCode(200)
                .body("sessions", equalTo(4)).body("reached25", equalTo(1.0f)).body("reached50", equalTo(0.75f))
                .body("reached75", equalTo(0.5f)).body("reached95", equalTo(0.5f))
                .body("completedSessions", equalTo(1)).body("completionRate", equalTo(0.25f))
                .body("averageListenSeconds", equalTo(702.5f))   // (600 + 250 + 1000 + 960) / 4
                .body("curve", hasSize(21))
                .body("curve.percent", contains(0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100))
                .body("curve.sessions", contains(4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1));
        period(key).queryParam("bots", "include").get("/v1/dashboards/listen-through").then().statusCode(200)
                .body("sessions", equalTo(5)).body("reached50", equalTo(0.8f));
        period(key).queryParam("podcastId", UUID.randomUUID().toString()).get("/v1/dashboards/listen-through").then().statusCode(200)
                .body("sessions", equalTo(0)).body("completionRate", equalTo(0.0f));
        period(key).accept("text/csv").get("/v1/dashboards/listen-through").then().statusCode(200).contentType(containsString("text/csv"))
                .body(org.hamcrest.Matchers.startsWith("percent,bots,sessions,share\n0,exclude,4,1.0\n5,exclude,4,1.0\n"))
                .body(containsString("\n50,exclude,3,0.75\n")).body(org.hamcrest.Matchers.endsWith("\n95,exclude,2,0.5\n100,exclude,1,0.25\n"));
    }

    @Test
    void aLateProgressEventIsFoundByTheRefresherAndChangesOnlyItsSession() {
        UUID tenant = TestTenants.fresh();
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:read")).key();
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                session(tenant, "session-1", null, false, "10:00", new double[] {0, 250}, "progress").toArray(String[]::new));
        Instant now = Instant.now();
        assertThat(refresher.refresh(tenant, now).await().indefinitely().changedListenerHours()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> period(key).get("/v1/dashboards/listen-through").then().statusCode(200)
                .body("sessions", equalTo(1)).body("reached25", equalTo(1.0f)).body("reached50", equalTo(0.0f)));

        TestDatabase.as("ingest_app").executeInTenant(tenant, event(tenant, "session-1", null, false, "2026-11-10T12:30:00Z", "progress", 800));
        assertThat(refresher.refresh(tenant, now.plus(Duration.ofMinutes(2))).await().indefinitely().changedListenerHours()).isEqualTo(1);
        assertThat(refresher.refresh(tenant, now.plus(Duration.ofMinutes(4))).await().indefinitely().changedListenerHours()).isZero();
        period(key).get("/v1/dashboards/listen-through").then().statusCode(200)
                .body("sessions", equalTo(1)).body("reached75", equalTo(1.0f)).body("reached95", equalTo(0.0f));

        problem(period(key).queryParam("bots", "maybe"), "bots");
        problem(given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-10").queryParam("episodeId", "42"),
                "episodeId");
        problem(given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "tomorrow"), "to");
        String otherKey = TestApiKeys.issue(TestTenants.fresh(), ApiKeyType.SECRET, List.of("report:read")).key();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> period(otherKey).get("/v1/dashboards/listen-through").then()
                .statusCode(200).body("sessions", equalTo(0)));
    }

    private static void problem(RequestSpecification request, String field) {
        request.when().get("/v1/dashboards/listen-through").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo(field));
    }

    private RequestSpecification period(String key) {
        return given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-10").queryParam("episodeId", episode.toString())
                .when();
    }

    /** A started event, progress events at the positions (one minute apart), then the last event at the last position. */
    private List<String> session(UUID tenant, String sessionId, String anonymousId, boolean bot, String startsAt, double[] positions, String last) {
        List<String> events = new ArrayList<>();
        Instant start = Instant.parse("2026-11-10T" + startsAt + ":00Z");
        for (int i = 0; i < positions.length; i++) {
            String type = i == 0 ? "started" : "progress";
            events.add(event(tenant, sessionId, anonymousId, bot, start.plus(Duration.ofMinutes(i)).toString(), type, positions[i]));
        }
        events.add(event(tenant, sessionId, anonymousId, bot, start.plus(Duration.ofMinutes(positions.length)).toString(), last,
                last.equals("completed") ? 1000 : positions[positions.length - 1]));
        return events;
    }

    /** Listening time reported cumulatively: the position, as a listener who never skips. */
    private String event(UUID tenant, String sessionId, String anonymousId, boolean bot, String at, String type, double position) {
        return """
                INSERT INTO ingest.listener_events (tenant_id, event_id, message_id, occurred_at, received_at, event_type, session_id,
                       anonymous_id, podcast_id, episode_id, position_seconds, duration_seconds, listen_duration_seconds, agent_kind, bot)
                VALUES ('%s', '%s', '%s', '%s', now(), '%s', %s, %s, '%s', '%s', %s, 1000, %s, 'app', %s)"""
                .formatted(tenant, UUID.randomUUID(), UUID.randomUUID(), at, type, literal(sessionId), literal(anonymousId), podcast, episode,
                        position, position, bot);
    }

    private static String literal(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }
}
