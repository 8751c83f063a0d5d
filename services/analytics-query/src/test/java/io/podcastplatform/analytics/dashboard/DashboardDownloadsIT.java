package io.podcastplatform.analytics.dashboard;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Download series from the rollup, as a dashboard shows them: per day/month, per episode, with and without bots, in the tenant's zone. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class DashboardDownloadsIT {

    private static final String APPLE_PODCASTS = "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0";
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private final UUID podcast = UUID.randomUUID();
    private final UUID late = UUID.randomUUID();
    private final UUID morning = UUID.randomUUID();

    @Test
    void seriesFollowTheTenantsTimeZoneBotsChoiceAndFormat() {
        UUID tenant = TestTenants.fresh();
        UUID other = TestTenants.fresh();
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage")).key();
        String otherKey = TestApiKeys.issue(other, ApiKeyType.SECRET, List.of("report:read")).key();
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, late, "2026-11-10T23:30:00Z", "household-a", APPLE_PODCASTS),   // 00:30 on the 11th in Paris
                request(tenant, morning, "2026-11-10T10:05:00Z", "household-b", OVERCAST),
                request(tenant, late, "2026-11-10T10:10:00Z", "household-c", GOOGLEBOT));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-11-10T00:00:00Z\",\"to\":\"2026-11-11T00:00:00Z\"}").when().post("/v1/rollups/recompute")
                .then().statusCode(200).body("downloads", equalTo(2)));

        series(key).queryParam("granularity", "day").get("/v1/dashboards/downloads").then().statusCode(200)
                .body("timeZone", equalTo("UTC")).body("total", equalTo(2)).body("buckets", hasSize(1))
                .body("buckets[0].start", startsWith("2026-11-10T00:00"));
        series(key).queryParam("bots", "include").get("/v1/dashboards/downloads").then().statusCode(200).body("total", equalTo(3));
        series(key).queryParam("episodeId", late.toString()).get("/v1/dashboards/downloads").then().statusCode(200).body("total", equalTo(1));
        series(key).queryParam("podcastId", podcast.toString()).queryParam("granularity", "month").get("/v1/dashboards/downloads").then()
                .statusCode(200).body("buckets.downloads", contains(2)).body("buckets[0].start", startsWith("2026-11-01T00:00"));
        series(key).queryParam("bots", "include").get("/v1/dashboards/top-episodes").then().statusCode(200)
                .body("episodes.episodeId", contains(late.toString(), morning.toString())).body("episodes.downloads", contains(2, 1));
        series(key).queryParam("limit", "1").accept("text/csv").get("/v1/dashboards/top-episodes").then().statusCode(200)
                .body(equalTo("episode_id,podcast_id,bots,downloads\n" + min(late, morning) + "," + podcast + ",exclude,1\n"));

        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"timeZone\":\"Europe/Paris\"}").when().put("/v1/dashboards/settings")
                .then().statusCode(200).body("timeZone", equalTo("Europe/Paris"));
        series(key).get("/v1/dashboards/downloads").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris")).body("buckets.downloads", contains(1, 1));
        series(key).accept("text/csv").get("/v1/dashboards/downloads").then().statusCode(200).contentType(startsWith("text/csv"))
                .body(equalTo("bucket_start,time_zone,bots,downloads\n2026-11-10T00:00,Europe/Paris,exclude,1\n2026-11-11T00:00,Europe/Paris,exclude,1\n"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> series(otherKey).get("/v1/dashboards/downloads").then()
                .statusCode(200).body("timeZone", equalTo("UTC")).body("total", equalTo(0)).body("buckets", hasSize(0)));
    }

    @Test
    void badSeriesQuestionsAreProblemsNamingTheField() {
        UUID tenant = TestTenants.fresh();
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage")).key();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> series(key).get("/v1/dashboards/downloads").then().statusCode(200));

        problem(series(key).queryParam("granularity", "fortnight"), "granularity");
        problem(series(key).queryParam("bots", "maybe"), "bots");
        problem(series(key).queryParam("episodeId", "42"), "episodeId");
        problem(given().auth().oauth2(key).queryParam("to", "2026-11-11"), "from");
        problem(given().auth().oauth2(key).queryParam("from", "2026-11-12").queryParam("to", "2026-11-11"), "to");
        problem(given().auth().oauth2(key).queryParam("from", "2024-01-01").queryParam("to", "2026-11-11"), "to");
        problem(given().auth().oauth2(key).queryParam("from", "yesterday").queryParam("to", "2026-11-11"), "from");
        series(key).queryParam("limit", "0").get("/v1/dashboards/top-episodes").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        series(key).queryParam("limit", "ten").get("/v1/dashboards/top-episodes").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"timeZone\":\"Mars/Olympus\"}").when().put("/v1/dashboards/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        given().queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").when().get("/v1/dashboards/downloads").then()
                .statusCode(401).contentType(containsString("problem+json"));
    }

    /** With one download each, the episode with the smaller id comes first. */
    private static UUID min(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) < 0 ? a : b;
    }

    private static void problem(RequestSpecification request, String field) {
        request.when().get("/v1/dashboards/downloads").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo(field));
    }

    private static RequestSpecification series(String key) {
        return given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").when();
    }

    private String request(UUID tenant, UUID episode, String at, String household, String userAgent) {
        return """
                INSERT INTO ingest.download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id,
                       user_agent, agent_kind, bot, household_hash)
                VALUES ('%s', '%s', '%s', 'GET', 'https://cdn.example.test/%s.mp3', '%s', '%s', '%s', 'app', false, '%s')"""
                .formatted(tenant, UUID.randomUUID(), at, episode, episode, podcast, userAgent, household);
    }
}
