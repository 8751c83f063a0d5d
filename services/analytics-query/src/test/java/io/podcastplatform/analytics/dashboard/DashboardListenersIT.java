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

/**
 * Unique listeners and breakdowns, hand-counted: listener a (iPhone, US) downloads episode one and two on the 10th
 * and episode one again on the 11th (after its 24 h window), b (iPhone, FR) episode one on the 10th, c (Mac, US)
 * episode two on the 11th, plus a re-request of a within its window and a bot.
 */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class DashboardListenersIT {

    private static final String APPLE_PODCASTS = "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0";
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private static final String MAC_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.4 Safari/605.1.15";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private final UUID podcast = UUID.randomUUID();
    private final UUID one = UUID.randomUUID();
    private final UUID two = UUID.randomUUID();

    @Test
    void uniqueListenersAreDistinctPerBucketAndOverThePeriod() {
        UUID tenant = TestTenants.fresh();
        String key = keyWithData(tenant);

        period(key).queryParam("granularity", "day").get("/v1/dashboards/listeners").then().statusCode(200)
                .body("timeZone", equalTo("UTC")).body("uniqueListeners", equalTo(3)).body("downloads", equalTo(5))
                .body("uniqueListenersCounting.method", equalTo("hyperloglog"))
                .body("buckets", hasSize(2)).body("buckets[0].start", startsWith("2026-11-10T00:00"))
                .body("buckets.uniqueListeners", contains(2, 2)).body("buckets.downloads", contains(3, 2));
        period(key).queryParam("granularity", "hour").get("/v1/dashboards/listeners").then().statusCode(200)
                .body("buckets.uniqueListeners", contains(1, 1, 1, 1)).body("buckets.downloads", contains(2, 1, 1, 1));
        period(key).queryParam("granularity", "month").get("/v1/dashboards/listeners").then().statusCode(200)
                .body("buckets.uniqueListeners", contains(3)).body("uniqueListeners", equalTo(3));
        period(key).queryParam("episodeId", one.toString()).get("/v1/dashboards/listeners").then().statusCode(200)
                .body("uniqueListeners", equalTo(2)).body("buckets.uniqueListeners", contains(2, 1));
        period(key).queryParam("podcastId", podcast.toString()).queryParam("bots", "include").get("/v1/dashboards/listeners").then()
                .statusCode(200).body("bots", equalTo("include")).body("uniqueListeners", equalTo(4)).body("buckets.uniqueListeners", contains(3, 2));
        period(key).queryParam("granularity", "day").accept("text/csv").get("/v1/dashboards/listeners").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(equalTo("bucket_start,time_zone,bots,unique_listeners,downloads,unique_listeners_counting\n"
                        + "2026-11-10T00:00,UTC,exclude,2,3,hyperloglog\n2026-11-11T00:00,UTC,exclude,2,2,hyperloglog\n"));

        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"timeZone\":\"Europe/Paris\"}").when().put("/v1/dashboards/settings")
                .then().statusCode(200);
        period(key).queryParam("granularity", "hour").get("/v1/dashboards/listeners").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris")).body("buckets[0].start", startsWith("2026-11-10T11:00"));
    }

    @Test
    void breakdownsSumToTheDownloadsAndCountListenersPerValue() {
        UUID tenant = TestTenants.fresh();
        String key = keyWithData(tenant);

        breakdown(key, "country").then().statusCode(200).body("by", equalTo("country")).body("downloads", equalTo(5))
                .body("uniqueListeners", equalTo(3)).body("rows.value", contains("US", "FR"))
                .body("rows.downloads", contains(4, 1)).body("rows.uniqueListeners", contains(2, 1));
        breakdown(key, "platform").then().statusCode(200).body("rows.value", contains("iOS", "macOS")).body("rows.downloads", contains(4, 1));
        breakdown(key, "app").then().statusCode(200).body("rows.value", contains("Apple Podcasts", "Overcast"))
                .body("rows.uniqueListeners", contains(2, 1));
        breakdown(key, "device").then().statusCode(200).body("rows.value", contains("mobile", "computer")).body("rows.downloads", contains(4, 1));
        period(key).queryParam("by", "country").queryParam("episodeId", two.toString()).get("/v1/dashboards/breakdown").then().statusCode(200)
                .body("rows.value", contains("US")).body("rows.downloads", contains(2)).body("rows.uniqueListeners", contains(2))
                .body("uniqueListenersCounting.method", equalTo("hyperloglog"));
        period(key).queryParam("by", "country").queryParam("bots", "include").get("/v1/dashboards/breakdown").then().statusCode(200)
                .body("downloads", equalTo(6)).body("rows.value", contains("US", "FR", "unknown"));
        period(key).queryParam("by", "app").accept("text/csv").get("/v1/dashboards/breakdown").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(equalTo("by,value,bots,downloads,unique_listeners,unique_listeners_counting\n"
                        + "app,Apple Podcasts,exclude,4,2,hyperloglog\napp,Overcast,exclude,1,1,hyperloglog\n"));
    }

    @Test
    void anotherTenantSeesNoneOfItAndBadQuestionsAreProblemsNamingTheParameter() {
        UUID tenant = TestTenants.fresh();
        keyWithData(tenant);
        UUID other = TestTenants.fresh();
        String otherKey = TestApiKeys.issue(other, ApiKeyType.SECRET, List.of("report:read")).key();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> period(otherKey).get("/v1/dashboards/listeners").then().statusCode(200)
                .body("uniqueListeners", equalTo(0)).body("buckets", hasSize(0)));
        period(otherKey).queryParam("by", "country").get("/v1/dashboards/breakdown").then().statusCode(200)
                .body("downloads", equalTo(0)).body("rows", hasSize(0));

        problem(period(otherKey).queryParam("granularity", "fortnight"), "/v1/dashboards/listeners", "granularity");
        problem(period(otherKey).queryParam("bots", "maybe"), "/v1/dashboards/listeners", "bots");
        problem(period(otherKey).queryParam("podcastId", "42"), "/v1/dashboards/listeners", "podcastId");
        problem(given().auth().oauth2(otherKey).queryParam("to", "2026-11-11"), "/v1/dashboards/listeners", "from");
        problem(period(otherKey), "/v1/dashboards/breakdown", "by");
        problem(period(otherKey).queryParam("by", "city"), "/v1/dashboards/breakdown", "by");
        problem(period(otherKey).queryParam("by", "app").queryParam("episodeId", "x"), "/v1/dashboards/breakdown", "episodeId");
        problem(given().auth().oauth2(otherKey).queryParam("by", "app").queryParam("from", "2026-11-12").queryParam("to", "2026-11-11"),
                "/v1/dashboards/breakdown", "to");
        for (String path : List.of("/v1/dashboards/listeners", "/v1/dashboards/breakdown", "/v1/dashboards/listen-through")) {
            given().queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").queryParam("by", "app").when().get(path).then()
                    .statusCode(401).contentType(containsString("problem+json"));
        }
    }

    /** Writes the scenario into ingest, recomputes the rollups and answers a key of the tenant. */
    private String keyWithData(UUID tenant) {
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage")).key();
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, one, "2026-11-10T10:05:00Z", "household-a", APPLE_PODCASTS, "US", "Apple Podcasts", "mobile"),
                request(tenant, two, "2026-11-10T10:20:00Z", "household-a", APPLE_PODCASTS, "US", "Apple Podcasts", "mobile"),
                request(tenant, one, "2026-11-10T10:40:00Z", "household-g", GOOGLEBOT, null, null, null),
                request(tenant, one, "2026-11-10T11:05:00Z", "household-b", OVERCAST, "FR", "Overcast", "mobile"),
                request(tenant, one, "2026-11-10T11:30:00Z", "household-a", APPLE_PODCASTS, "US", "Apple Podcasts", "mobile"),
                request(tenant, one, "2026-11-11T12:00:00Z", "household-a", APPLE_PODCASTS, "US", "Apple Podcasts", "mobile"),
                request(tenant, two, "2026-11-11T13:00:00Z", "household-c", MAC_SAFARI, "US", "Apple Podcasts", "computer"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-11-10T00:00:00Z\",\"to\":\"2026-11-12T00:00:00Z\"}").when().post("/v1/rollups/recompute")
                .then().statusCode(200).body("downloads", equalTo(5)).body("downloadsWithBots", equalTo(6)));
        return key;
    }

    private static io.restassured.response.Response breakdown(String key, String by) {
        return period(key).queryParam("by", by).get("/v1/dashboards/breakdown");
    }

    private static void problem(RequestSpecification request, String path, String field) {
        request.when().get(path).then().statusCode(400).contentType(containsString("problem+json")).body("errors[0].field", equalTo(field));
    }

    private static RequestSpecification period(String key) {
        return given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").when();
    }

    private String request(UUID tenant, UUID episode, String at, String household, String userAgent, String country, String app, String device) {
        return """
                INSERT INTO ingest.download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id,
                       user_agent, agent_kind, bot, household_hash, country_code, app_name, device_type)
                VALUES ('%s', '%s', '%s', 'GET', 'https://cdn.example.test/%s.mp3', '%s', '%s', '%s', 'app', false, '%s', %s, %s, %s)"""
                .formatted(tenant, UUID.randomUUID(), at, episode, episode, podcast, userAgent, household, literal(country), literal(app),
                        literal(device));
    }

    private static String literal(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }
}
