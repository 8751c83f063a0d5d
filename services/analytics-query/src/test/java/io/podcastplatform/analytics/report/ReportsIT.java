package io.podcastplatform.analytics.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestApiKeys.IssuedKey;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Saved reports: defined once, rendered on demand as CSV from raw requests the test writes, each rendering recorded. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class ReportsIT {

    private static final String APPLE_PODCASTS = "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0";
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private final UUID podcast = UUID.randomUUID();
    private final UUID otherPodcast = UUID.randomUUID();
    private final UUID episodeA = UUID.randomUUID();
    private final UUID episodeB = UUID.randomUUID();
    private final UUID episodeC = UUID.randomUUID();

    @Test
    void aReportRendersItsSeriesAsCsvAndRecordsEachGeneration() {
        UUID tenant = TestTenants.fresh();
        IssuedKey key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage"));
        // Episodes of unknown length: any GET other than a probe counts, once per listener and 24 hours.
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, "GET", podcast, episodeA, "2026-11-10T08:00:00Z", "household-a", APPLE_PODCASTS, null),   // counts
                request(tenant, "GET", podcast, episodeA, "2026-11-10T09:00:00Z", "household-a", APPLE_PODCASTS, null),   // same listener: no
                request(tenant, "GET", podcast, episodeA, "2026-11-10T09:30:00Z", "household-e", OVERCAST, "'bytes=0-1'"), // probe: no
                request(tenant, "HEAD", podcast, episodeA, "2026-11-10T10:00:00Z", "household-c", OVERCAST, null),        // HEAD: no
                request(tenant, "GET", podcast, episodeA, "2026-11-10T11:00:00Z", "household-f", GOOGLEBOT, null),        // bot
                request(tenant, "GET", podcast, episodeA, "2026-11-10T12:00:00Z", "household-g", GOOGLEBOT, null),        // bot
                request(tenant, "GET", podcast, episodeB, "2026-11-10T13:00:00Z", "household-b", OVERCAST, null),         // counts
                request(tenant, "GET", otherPodcast, episodeC, "2026-11-10T14:00:00Z", "household-a", APPLE_PODCASTS, null), // other show
                request(tenant, "GET", podcast, episodeB, "2026-11-11T07:00:00Z", "household-d", OVERCAST, null));        // counts
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(key).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-11-10T00:00:00Z\",\"to\":\"2026-11-12T00:00:00Z\"}").post("/v1/rollups/recompute")
                .then().statusCode(200).body("downloads", equalTo(4)));

        String daily = as(key).contentType(ContentType.JSON).body("""
                        {"name": "Daily downloads of the show", "description": "for the sponsor", "series": "downloads", "granularity": "day",
                         "filters": {"podcastId": "%s", "bots": "exclude"}, "period": {"from": "2026-11-10", "to": "2026-11-11"}}"""
                        .formatted(podcast))
                .post("/v1/reports").then().statusCode(201).header("Location", containsString("/v1/reports/"))
                .body("series", equalTo("downloads")).body("granularity", equalTo("day")).body("format", equalTo("csv"))
                .body("filters.podcastId", equalTo(podcast.toString())).body("period.from", equalTo("2026-11-10"))
                .body("period.relative", nullValue()).body("createdBy", equalTo(key.id().toString()))
                .extract().path("id");

        String expected = "bucket_start,time_zone,bots,downloads\n2026-11-10T00:00,UTC,exclude,2\n2026-11-11T00:00,UTC,exclude,1\n";
        Response rendered = as(key).post("/v1/reports/" + daily + "/generate");
        rendered.then().statusCode(200).contentType(startsWith("text/csv")).body(equalTo(expected))
                .header("Content-Disposition", containsString("2026-11-10-2026-11-11.csv"));
        String generationId = rendered.header("X-Report-Generation-Id");

        as(key).get("/v1/reports/" + daily + "/generations").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(generationId)).body("items[0].status", equalTo("SUCCEEDED"))
                .body("items[0].requestedBy", equalTo(key.id().toString())).body("items[0].periodFrom", equalTo("2026-11-10"))
                .body("items[0].periodTo", equalTo("2026-11-11")).body("items[0].timeZone", equalTo("UTC"))
                .body("items[0].rowCount", equalTo(2)).body("items[0].byteSize", equalTo(expected.getBytes(StandardCharsets.UTF_8).length))
                .body("items[0].durationMs", notNullValue()).body("items[0].error", nullValue());

        String top = as(key).contentType(ContentType.JSON).body("""
                        {"name": "Top two with bots", "series": "top_episodes", "filters": {"bots": "include", "limit": 2},
                         "period": {"from": "2026-11-10", "to": "2026-11-11"}}""")
                .post("/v1/reports").then().statusCode(201).extract().path("id");
        as(key).post("/v1/reports/" + top + "/generate").then().statusCode(200)
                .body(equalTo("episode_id,podcast_id,bots,downloads\n" + episodeA + "," + podcast + ",include,3\n"
                        + episodeB + "," + podcast + ",include,2\n"));
        as(key).post("/v1/reports/" + daily + "/generate").then().statusCode(200).body(equalTo(expected));

        as(key).get("/v1/reports/" + daily + "/generations").then().statusCode(200).body("items", hasSize(2));
        assertEquals(3, TestDatabase.as("analytics_app").countInTenant(tenant, "SELECT 1 FROM report_generation"));
    }

    @Test
    void listenerBreakdownAndListenThroughReportsRenderWhatTheirDashboardsShow() {
        UUID tenant = TestTenants.fresh();
        IssuedKey key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage"));
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, "GET", podcast, episodeA, "2026-11-10T08:00:00Z", "household-a", APPLE_PODCASTS, null),
                request(tenant, "GET", podcast, episodeB, "2026-11-10T09:00:00Z", "household-a", APPLE_PODCASTS, null),
                request(tenant, "GET", podcast, episodeB, "2026-11-11T07:00:00Z", "household-b", OVERCAST, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(key).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-11-10T00:00:00Z\",\"to\":\"2026-11-12T00:00:00Z\"}").post("/v1/rollups/recompute")
                .then().statusCode(200).body("downloads", equalTo(3)));

        String listeners = create(key, "Listeners", """
                "series": "listeners", "granularity": "day", "filters": {"podcastId": "%s"}, "period": {"from": "2026-11-10", "to": "2026-11-11"}"""
                .formatted(podcast));
        String expected = "bucket_start,time_zone,bots,unique_listeners,downloads,unique_listeners_counting\n"
                + "2026-11-10T00:00,UTC,exclude,1,2,hyperloglog\n2026-11-11T00:00,UTC,exclude,1,1,hyperloglog\n";
        as(key).post("/v1/reports/" + listeners + "/generate").then().statusCode(200).contentType(startsWith("text/csv")).body(equalTo(expected));
        as(key).accept("text/csv").queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").queryParam("podcastId", podcast.toString())
                .get("/v1/dashboards/listeners").then().statusCode(200).body(equalTo(expected));

        String byApp = create(key, "By app", """
                "series": "breakdown", "filters": {"by": "App"}, "period": {"from": "2026-11-10", "to": "2026-11-11"}""");
        as(key).get("/v1/reports/" + byApp).then().statusCode(200).body("series", equalTo("breakdown")).body("filters.by", equalTo("app"));
        String rendered = as(key).post("/v1/reports/" + byApp + "/generate").then().statusCode(200).extract().asString();
        assertEquals(as(key).accept("text/csv").queryParam("by", "app").queryParam("from", "2026-11-10").queryParam("to", "2026-11-11")
                .get("/v1/dashboards/breakdown").then().statusCode(200).extract().asString(), rendered);
        assertEquals("by,value,bots,downloads,unique_listeners,unique_listeners_counting\napp,unknown,exclude,3,2,hyperloglog\n", rendered);

        String listenThrough = create(key, "Listen-through", """
                "series": "listen_through", "period": {"relative": "last_7_days"}""");
        as(key).post("/v1/reports/" + listenThrough + "/generate").then().statusCode(200)
                .body(startsWith("percent,bots,sessions,share\n0,exclude,0,0.0\n"));
        as(key).get("/v1/reports/" + listenThrough + "/generations").then().statusCode(200).body("items[0].rowCount", equalTo(21));
    }

    @Test
    void aRelativePeriodResolvesAtEachRenderingInTheTenantsZone() {
        UUID tenant = TestTenants.fresh();
        IssuedKey key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage"));
        String id = create(key, "Last week", """
                "series": "downloads", "period": {"relative": "last_7_days"}""");
        as(key).post("/v1/reports/" + id + "/generate").then().statusCode(200).body(equalTo("bucket_start,time_zone,bots,downloads\n"));
        as(key).get("/v1/reports/" + id + "/generations").then().statusCode(200)
                .body("items[0].periodTo", equalTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString()))
                .body("items[0].rowCount", equalTo(0));
    }

    @Test
    void reportsAreListedNewestFirstInPagesAndCanBeReplacedAndDeleted() {
        UUID tenant = TestTenants.fresh();
        IssuedKey key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage"));
        String first = create(key, "First", "\"series\": \"downloads\", \"period\": {\"relative\": \"last_30_days\"}");
        String second = create(key, "Second", "\"series\": \"downloads\", \"period\": {\"relative\": \"month_to_date\"}");
        String third = create(key, "Third", "\"series\": \"top_episodes\", \"period\": {\"relative\": \"previous_month\"}");

        String next = as(key).queryParam("limit", 2).get("/v1/reports").then().statusCode(200)
                .body("items.id", contains(third, second)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(key).queryParam("limit", 2).queryParam("cursor", next).get("/v1/reports").then().statusCode(200)
                .body("items.id", contains(first)).body("nextCursor", nullValue());

        as(key).contentType(ContentType.JSON).body("""
                        {"name": "First, weekly", "series": "downloads", "granularity": "week", "period": {"relative": "last_90_days"}}""")
                .put("/v1/reports/" + first).then().statusCode(200).body("name", equalTo("First, weekly"))
                .body("granularity", equalTo("week")).body("period.relative", equalTo("last_90_days")).body("version", equalTo(2));
        as(key).get("/v1/reports/" + first).then().statusCode(200).body("name", equalTo("First, weekly"));

        as(key).delete("/v1/reports/" + second).then().statusCode(204);
        as(key).get("/v1/reports/" + second).then().statusCode(404).contentType(containsString("problem+json"));
        as(key).post("/v1/reports/" + second + "/generate").then().statusCode(404);
        as(key).delete("/v1/reports/" + second).then().statusCode(404);
        as(key).get("/v1/reports").then().statusCode(200).body("items.id", contains(third, first));
    }

    @Test
    void anotherTenantsReportDoesNotExistForTheCaller() {
        UUID tenant = TestTenants.fresh();
        UUID stranger = TestTenants.fresh();
        IssuedKey key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage"));
        IssuedKey strangerKey = TestApiKeys.issue(stranger, ApiKeyType.SECRET, List.of("report:manage"));
        String id = create(key, "Mine", "\"series\": \"downloads\", \"period\": {\"relative\": \"last_7_days\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(strangerKey).get("/v1/reports").then().statusCode(200));

        as(strangerKey).get("/v1/reports/" + id).then().statusCode(404).contentType(containsString("problem+json"));
        as(strangerKey).contentType(ContentType.JSON).body("{\"name\": \"Theirs now\", \"series\": \"downloads\", \"period\": {\"relative\": \"last_7_days\"}}")
                .put("/v1/reports/" + id).then().statusCode(404);
        as(strangerKey).post("/v1/reports/" + id + "/generate").then().statusCode(404);
        as(strangerKey).get("/v1/reports/" + id + "/generations").then().statusCode(404);
        as(strangerKey).delete("/v1/reports/" + id).then().statusCode(404);
        as(strangerKey).get("/v1/reports").then().statusCode(200).body("items", hasSize(0));
        as(key).get("/v1/reports/" + id).then().statusCode(200).body("name", equalTo("Mine"));
        as(key).get("/v1/reports/" + id + "/generations").then().statusCode(200).body("items", hasSize(0));
    }

    /** Readers may read and render (a rendering shows what their dashboards already show them), not define. */
    @Test
    void readersRenderButDoNotDefineAndStrangersAreAskedToSignIn() {
        UUID tenant = TestTenants.fresh();
        IssuedKey owner = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage"));
        IssuedKey reader = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:read"));
        String id = create(owner, "Shared", "\"series\": \"downloads\", \"period\": {\"relative\": \"last_7_days\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(reader).get("/v1/reports/" + id).then().statusCode(200));

        as(reader).post("/v1/reports/" + id + "/generate").then().statusCode(200).contentType(startsWith("text/csv"));
        as(reader).get("/v1/reports/" + id + "/generations").then().statusCode(200)
                .body("items[0].requestedBy", equalTo(reader.id().toString()));
        as(reader).contentType(ContentType.JSON).body("{\"name\": \"Mine\", \"series\": \"downloads\", \"period\": {\"relative\": \"last_7_days\"}}")
                .post("/v1/reports").then().statusCode(403).contentType(containsString("problem+json"));
        as(reader).delete("/v1/reports/" + id).then().statusCode(403);

        String viewer = Keycloak.accessToken("victor@acme.test", "victor");
        given().auth().oauth2(viewer).get("/v1/reports").then().statusCode(200);
        given().auth().oauth2(viewer).contentType(ContentType.JSON)
                .body("{\"name\": \"Viewer's\", \"series\": \"downloads\", \"period\": {\"relative\": \"last_7_days\"}}")
                .post("/v1/reports").then().statusCode(403);

        given().post("/v1/reports/" + id + "/generate").then().statusCode(401).contentType(containsString("problem+json"));
        given().get("/v1/reports").then().statusCode(401).contentType(containsString("problem+json"));
        as(owner).get("/v1/reports/" + id + "/generations").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void badDefinitionsAreProblemsNamingTheField() {
        UUID tenant = TestTenants.fresh();
        IssuedKey key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(key).get("/v1/reports").then().statusCode(200));

        invalid(key, "{\"series\": \"downloads\", \"period\": {\"relative\": \"last_7_days\"}}", "name");
        invalid(key, "{\"name\": \"x\", \"series\": \"revenue\", \"period\": {\"relative\": \"last_7_days\"}}", "series");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"granularity\": \"fortnight\", \"period\": {\"relative\": \"last_7_days\"}}", "granularity");
        invalid(key, "{\"name\": \"x\", \"series\": \"top_episodes\", \"granularity\": \"day\", \"period\": {\"relative\": \"last_7_days\"}}", "granularity");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"filters\": {\"colour\": \"red\"}, \"period\": {\"relative\": \"last_7_days\"}}", "filters.colour");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"filters\": {\"podcastId\": \"42\"}, \"period\": {\"relative\": \"last_7_days\"}}", "filters.podcastId");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"filters\": {\"bots\": \"maybe\"}, \"period\": {\"relative\": \"last_7_days\"}}", "filters.bots");
        invalid(key, "{\"name\": \"x\", \"series\": \"top_episodes\", \"filters\": {\"limit\": 0}, \"period\": {\"relative\": \"last_7_days\"}}", "filters.limit");
        invalid(key, "{\"name\": \"x\", \"series\": \"top_episodes\", \"filters\": {\"episodeId\": \"" + UUID.randomUUID() + "\"}, \"period\": {\"relative\": \"last_7_days\"}}", "filters.episodeId");
        invalid(key, "{\"name\": \"x\", \"series\": \"breakdown\", \"period\": {\"relative\": \"last_7_days\"}}", "filters.by");
        invalid(key, "{\"name\": \"x\", \"series\": \"breakdown\", \"filters\": {\"by\": \"city\"}, \"period\": {\"relative\": \"last_7_days\"}}", "filters.by");
        invalid(key, "{\"name\": \"x\", \"series\": \"listeners\", \"filters\": {\"by\": \"app\"}, \"period\": {\"relative\": \"last_7_days\"}}", "filters.by");
        invalid(key, "{\"name\": \"x\", \"series\": \"listen_through\", \"granularity\": \"day\", \"period\": {\"relative\": \"last_7_days\"}}", "granularity");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\"}", "period");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"period\": {\"relative\": \"last_week\"}}", "period.relative");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"period\": {\"relative\": \"last_7_days\", \"from\": \"2026-11-01\"}}", "period");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"period\": {\"from\": \"2026-11-01\"}}", "period.to");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"period\": {\"from\": \"yesterday\", \"to\": \"2026-11-01\"}}", "period.from");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"period\": {\"from\": \"2026-11-02\", \"to\": \"2026-11-01\"}}", "period.to");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"period\": {\"from\": \"2024-01-01\", \"to\": \"2026-11-01\"}}", "period.to");
        invalid(key, "{\"name\": \"x\", \"series\": \"downloads\", \"period\": {\"relative\": \"last_7_days\"}, \"format\": \"pdf\"}", "format");
        as(key).queryParam("cursor", "not-ours").get("/v1/reports").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as(key).get("/v1/reports").then().statusCode(200).body("items", hasSize(0));
        assertEquals(0, TestDatabase.as("analytics_app").countInTenant(tenant, "SELECT 1 FROM report"));
    }

    private static void invalid(IssuedKey key, String body, String field) {
        as(key).contentType(ContentType.JSON).body(body).post("/v1/reports").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors[0].field", equalTo(field));
    }

    private static String create(IssuedKey key, String name, String fields) {
        String body = "{\"name\": \"" + name + "\", " + fields + "}";
        return await().atMost(Duration.ofSeconds(30)).until(() -> as(key).contentType(ContentType.JSON).body(body).post("/v1/reports"),
                response -> response.statusCode() == 201).path("id");
    }

    private static RequestSpecification as(IssuedKey key) {
        return given().auth().oauth2(key.key()).when();
    }

    private String request(UUID tenant, String method, UUID podcastId, UUID episode, String at, String household, String userAgent, String range) {
        return """
                INSERT INTO ingest.download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id,
                       range_header, user_agent, agent_kind, bot, household_hash)
                VALUES ('%s', '%s', '%s', '%s', 'https://cdn.example.test/%s.mp3', '%s', '%s', %s, '%s', 'app', false, '%s')"""
                .formatted(tenant, UUID.randomUUID(), at, method, episode, episode, podcastId, range == null ? "NULL" : range, userAgent, household);
    }
}
