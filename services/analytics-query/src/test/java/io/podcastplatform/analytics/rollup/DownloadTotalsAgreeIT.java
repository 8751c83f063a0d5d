package io.podcastplatform.analytics.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

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
 * The whole-tenant and per-podcast hourly totals and the per-episode daily totals are derived from the per-episode
 * hourly rollup in the same transaction: after a recompute and after a late row recomputed alone, they hold exactly
 * its sums, so the whole tenant's series, the podcasts' and the episodes' series and the top episodes show the same
 * downloads, also in a zone whose local days cut UTC days. The per-episode running daily totals stay the running sums
 * of the daily totals after each of those recomputes, also when the late row lands on an earlier day than the last.
 */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class DownloadTotalsAgreeIT {

    private static final String APPLE_PODCASTS = "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0";
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private final UUID showA = UUID.randomUUID();
    private final UUID showB = UUID.randomUUID();
    private final UUID firstOfA = UUID.randomUUID();
    private final UUID secondOfA = UUID.randomUUID();
    private final UUID onlyOfB = UUID.randomUUID();

    @Test
    void tenantPodcastAndDailyEpisodeTotalsEqualTheHourlyRowsAfterARecomputeAndAfterALateRow() {
        UUID tenant = TestTenants.fresh();
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage")).key();
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, showA, firstOfA, "2026-11-09T23:30:00Z", "household-1", APPLE_PODCASTS),   // 11-10 00:30 in Paris
                request(tenant, showA, firstOfA, "2026-11-10T10:05:00Z", "household-2", OVERCAST),
                request(tenant, showA, secondOfA, "2026-11-10T10:10:00Z", "household-3", APPLE_PODCASTS),
                request(tenant, showB, onlyOfB, "2026-11-10T10:15:00Z", "household-4", GOOGLEBOT),
                request(tenant, showB, onlyOfB, "2026-11-11T05:00:00Z", "household-5", OVERCAST),
                request(tenant, showA, secondOfA, "2026-11-11T23:30:00Z", "household-6", APPLE_PODCASTS)); // 11-12 00:30 in Paris
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> recompute(key, "2026-11-09T00:00:00Z", "2026-11-12T00:00:00Z")
                .statusCode(200).body("downloads", equalTo(5)).body("downloadsWithBots", equalTo(6)));
        assertDerivedTotalsEqualHourlySums(tenant);
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"timeZone\":\"Europe/Paris\"}").when().put("/v1/dashboards/settings")
                .then().statusCode(200);

        // Paris 11-10..11-11 is [11-09 23:00Z, 11-11 23:00Z): the UTC day 11-10 from the daily totals, the edge hours from the hourly rows
        assertSeriesAgree(key, 4, 3, 1);
        topEpisodes(key).get("/v1/dashboards/top-episodes").then().statusCode(200)
                .body("episodes.downloads", contains(2, 1, 1)).body("episodes[0].episodeId", equalTo(firstOfA.toString()));
        topEpisodes(key).queryParam("bots", "include").get("/v1/dashboards/top-episodes").then().statusCode(200)
                .body("episodes.downloads", contains(2, 2, 1));
        given().auth().oauth2(key).queryParam("from", "2026-11-11").queryParam("to", "2026-11-11").when().get("/v1/dashboards/top-episodes")
                .then().statusCode(200).body("episodes.episodeId", contains(onlyOfB.toString())).body("episodes.downloads", contains(1));

        // a late row, and only its hour recomputed: its UTC day's episode totals are aggregated again as a whole
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, showB, onlyOfB, "2026-11-10T11:20:00Z", "household-7", OVERCAST));
        recompute(key, "2026-11-10T11:00:00Z", "2026-11-10T12:00:00Z").statusCode(200).body("downloads", equalTo(1));
        assertDerivedTotalsEqualHourlySums(tenant);
        assertSeriesAgree(key, 5, 3, 2);
        topEpisodes(key).get("/v1/dashboards/top-episodes").then().statusCode(200)
                .body("episodes.downloads", contains(2, 2, 1)).body("episodes[2].episodeId", equalTo(secondOfA.toString()));

        // a day recomputed alone after days never rolled up: the running totals are carried through the skipped days
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, showA, secondOfA, "2026-11-15T12:00:00Z", "household-8", OVERCAST));
        recompute(key, "2026-11-15T00:00:00Z", "2026-11-16T00:00:00Z").statusCode(200).body("downloads", equalTo(1));
        assertDerivedTotalsEqualHourlySums(tenant);
        topEpisodes(key).get("/v1/dashboards/top-episodes").then().statusCode(200).body("episodes.downloads", contains(2, 2, 1));
        given().auth().oauth2(key).queryParam("from", "2026-11-13").queryParam("to", "2026-11-15").when().get("/v1/dashboards/top-episodes")
                .then().statusCode(200).body("episodes.episodeId", contains(secondOfA.toString())).body("episodes.downloads", contains(1));
    }

    /** The whole tenant's total, each podcast's and each episode's, for Paris 11-10..11-11, by day and by hour. */
    private void assertSeriesAgree(String key, int total, int ofA, int ofB) {
        for (String granularity : List.of("day", "hour")) {
            series(key, granularity).get("/v1/dashboards/downloads").then().statusCode(200).body("total", equalTo(total));
            series(key, granularity).queryParam("podcastId", showA.toString()).get("/v1/dashboards/downloads").then().statusCode(200)
                    .body("total", equalTo(ofA));
            series(key, granularity).queryParam("podcastId", showB.toString()).get("/v1/dashboards/downloads").then().statusCode(200)
                    .body("total", equalTo(ofB));
            int episodes = 0;
            for (UUID episode : List.of(firstOfA, secondOfA, onlyOfB)) {
                episodes += series(key, granularity).queryParam("episodeId", episode.toString()).get("/v1/dashboards/downloads").then()
                        .statusCode(200).extract().<Integer>path("total");
            }
            assertThat(episodes).isEqualTo(total);
            series(key, granularity).queryParam("podcastId", showA.toString()).queryParam("episodeId", onlyOfB.toString())
                    .get("/v1/dashboards/downloads").then().statusCode(200).body("total", equalTo(0));
        }
    }

    private static void assertDerivedTotalsEqualHourlySums(UUID tenant) {
        TestDatabase analytics = TestDatabase.as("analytics_app");
        assertThat(analytics.countInTenant(tenant, "SELECT 1 FROM download_tenant_hourly")).isPositive();
        assertThat(analytics.countInTenant(tenant, """
                SELECT 1 FROM (SELECT bots_included, hour_start, sum(downloads) AS downloads FROM download_hourly GROUP BY 1, 2) expected
                  FULL JOIN download_tenant_hourly derived USING (bots_included, hour_start)
                 WHERE expected.downloads IS DISTINCT FROM derived.downloads""")).isZero();
        assertThat(analytics.countInTenant(tenant, """
                SELECT 1 FROM (SELECT bots_included, podcast_id, hour_start, sum(downloads) AS downloads FROM download_hourly
                                WHERE podcast_id IS NOT NULL GROUP BY 1, 2, 3) expected
                  FULL JOIN download_podcast_hourly derived USING (bots_included, podcast_id, hour_start)
                 WHERE expected.downloads IS DISTINCT FROM derived.downloads""")).isZero();
        assertThat(analytics.countInTenant(tenant, """
                SELECT 1 FROM (SELECT bots_included, (hour_start AT TIME ZONE 'UTC')::date AS day_utc, episode_id, podcast_id,
                                      sum(downloads) AS downloads FROM download_hourly GROUP BY 1, 2, 3, 4) expected
                  FULL JOIN download_episode_daily derived USING (bots_included, day_utc, episode_id)
                 WHERE expected.downloads IS DISTINCT FROM derived.downloads OR expected.podcast_id IS DISTINCT FROM derived.podcast_id""")).isZero();
        // one running total per episode and day from its first day through the variant's last day, the sum of its daily totals so far
        assertThat(analytics.countInTenant(tenant, "SELECT 1 FROM download_episode_cumulative")).isPositive();
        assertThat(analytics.countInTenant(tenant, """
                SELECT 1 FROM (SELECT e.bots_included, g.day::date AS day_utc, e.episode_id,
                                      (SELECT sum(d.downloads) FROM download_episode_daily d WHERE d.bots_included = e.bots_included
                                          AND d.episode_id = e.episode_id AND d.day_utc <= g.day::date) AS downloads,
                                      (SELECT d.podcast_id FROM download_episode_daily d WHERE d.bots_included = e.bots_included
                                          AND d.episode_id = e.episode_id AND d.day_utc <= g.day::date ORDER BY d.day_utc DESC LIMIT 1) AS podcast_id
                                 FROM (SELECT bots_included, episode_id, min(day_utc) AS first_day FROM download_episode_daily GROUP BY 1, 2) e
                                 JOIN (SELECT bots_included, max(day_utc) AS last_day FROM download_episode_daily GROUP BY 1) v USING (bots_included)
                                CROSS JOIN LATERAL generate_series(e.first_day, v.last_day, interval '1 day') g(day)) expected
                  FULL JOIN download_episode_cumulative derived USING (bots_included, day_utc, episode_id)
                 WHERE expected.downloads IS DISTINCT FROM derived.downloads_through_day
                    OR expected.podcast_id IS DISTINCT FROM derived.podcast_id""")).isZero();
    }

    private static RequestSpecification series(String key, String granularity) {
        return given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").queryParam("granularity", granularity)
                .when();
    }

    private static RequestSpecification topEpisodes(String key) {
        return given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").when();
    }

    private static io.restassured.response.ValidatableResponse recompute(String key, String from, String to) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}")
                .when().post("/v1/rollups/recompute").then();
    }

    private static String request(UUID tenant, UUID podcast, UUID episode, String at, String household, String userAgent) {
        return """
                INSERT INTO ingest.download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id,
                       user_agent, agent_kind, bot, household_hash)
                VALUES ('%s', '%s', '%s', 'GET', 'https://cdn.example.test/%s.mp3', '%s', '%s', '%s', 'app', false, '%s')"""
                .formatted(tenant, UUID.randomUUID(), at, episode, episode, podcast, userAgent, household);
    }
}
