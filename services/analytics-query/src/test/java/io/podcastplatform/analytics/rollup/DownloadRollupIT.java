package io.podcastplatform.analytics.rollup;

import static io.restassured.RestAssured.given;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.podcastplatform.analytics.rollup.service.DownloadRollupRefresher;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.catalog.EpisodeChanged;
import io.podcastplatform.testing.TestKafka;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Raw requests go into ingest's table as ingest's runtime role; the rollup is recomputed over and over, with late
 * rows in between, and every request counts exactly once (rolling window, the default).
 */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class DownloadRollupIT {

    private static final String APPLE_PODCASTS = "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0";
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String PERIOD = "{\"from\":\"2026-11-10T10:00:00Z\",\"to\":\"2026-11-10T12:00:00Z\"}";

    @Inject
    DownloadRollupRefresher refresher;

    private final UUID episode = UUID.randomUUID();
    private final UUID podcast = UUID.randomUUID();

    @Test
    void recomputingWithLateRowsCountsEachDownloadOnce() {
        UUID tenant = TestTenants.fresh();
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage")).key();
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, "GET", "2026-11-10T10:05:00Z", "household-a", APPLE_PODCASTS, null),
                request(tenant, "GET", "2026-11-10T10:10:00Z", "household-b", GOOGLEBOT, null),
                request(tenant, "HEAD", "2026-11-10T10:20:00Z", "household-c", APPLE_PODCASTS, null),
                request(tenant, "GET", "2026-11-10T10:25:00Z", "household-c", APPLE_PODCASTS, "bytes=0-1"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> recompute(key, PERIOD)
                .statusCode(200).body("downloads", equalTo(1)).body("downloadsWithBots", equalTo(2)));
        recompute(key, PERIOD).statusCode(200).body("downloads", equalTo(1)).body("windowMode", equalTo("ROLLING"));
        assertThat(downloads(tenant, false, "2026-11-10T10:00:00Z")).isEqualTo(1);
        assertThat(downloads(tenant, true, "2026-11-10T10:00:00Z")).isEqualTo(2);

        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, "GET", "2026-11-10T10:40:00Z", "household-c", OVERCAST, null),        // late: a new listener in hour 10
                request(tenant, "GET", "2026-11-10T11:15:00Z", "household-a", APPLE_PODCASTS, null),  // within 24 h of its count: not again
                request(tenant, "GET", "2026-11-10T11:30:00Z", "household-d", OVERCAST, null));       // a new listener in hour 11

        recompute(key, PERIOD).statusCode(200).body("downloads", equalTo(3)).body("downloadsWithBots", equalTo(4));
        // a narrower window still looks back 24 hours, so household-a at 11:15 stays uncounted
        recompute(key, "{\"from\":\"2026-11-10T11:00:00Z\",\"to\":\"2026-11-10T12:00:00Z\"}")
                .statusCode(200).body("downloads", equalTo(1));
        recompute(key, PERIOD).statusCode(200).body("downloads", equalTo(3));
        assertThat(downloads(tenant, false, "2026-11-10T10:00:00Z")).isEqualTo(2);
        assertThat(downloads(tenant, false, "2026-11-10T11:00:00Z")).isEqualTo(1);
        assertThat(downloads(tenant, true, "2026-11-10T10:00:00Z")).isEqualTo(3);
    }

    @Test
    void theScheduledRefreshRecomputesOnlyChangedHoursAndCountsLateRowsOnce() {
        UUID tenant = TestTenants.fresh();
        Instant now = Instant.now();
        Instant openHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant previousHour = openHour.minus(Duration.ofHours(1));
        Instant fiveHoursAgo = openHour.minus(Duration.ofHours(5));
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, "GET", openHour.toString(), "household-a", APPLE_PODCASTS, null));

        assertThat(refresher.refresh(tenant, now).await().indefinitely()).isEqualTo(new DownloadRollupRefresher.Refreshed(1, 0, 1));
        assertThat(refresher.refresh(tenant, now).await().indefinitely()).isEqualTo(new DownloadRollupRefresher.Refreshed(0, 0, 0));

        String late = request(tenant, "GET", previousHour.plus(Duration.ofMinutes(30)).toString(), "household-b", OVERCAST, null);
        TestDatabase.as("ingest_app").executeInTenant(tenant, late);
        assertThat(refresher.refresh(tenant, now).await().indefinitely().changedDownloadHours()).isEqualTo(1);
        // a redelivery is the same row at ingest: nothing changes, nothing is recomputed
        TestDatabase.as("ingest_app").executeInTenant(tenant, late + " ON CONFLICT DO NOTHING");
        assertThat(refresher.refresh(tenant, now).await().indefinitely()).isEqualTo(new DownloadRollupRefresher.Refreshed(0, 0, 0));

        // later than the trailing window: found by the next deep probe (every minute), not by the next pass
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, "GET", fiveHoursAgo.plus(Duration.ofMinutes(10)).toString(), "household-c", OVERCAST, null));
        assertThat(refresher.refresh(tenant, now).await().indefinitely().changedDownloadHours()).isZero();
        assertThat(refresher.refresh(tenant, now.plus(Duration.ofMinutes(2))).await().indefinitely().changedDownloadHours()).isEqualTo(1);

        assertThat(downloads(tenant, false, openHour.toString())).isEqualTo(1);
        assertThat(downloads(tenant, false, previousHour.toString())).isEqualTo(1);
        assertThat(downloads(tenant, false, fiveHoursAgo.toString())).isEqualTo(1);
        assertThat(TestDatabase.as("analytics_app").countInTenant(tenant,
                "SELECT 1 FROM rollup_source_hour WHERE source = 'download' AND source_rows = 1")).isEqualTo(3);
    }

    @Test
    void anotherTenantRecomputesNothingOfTheFirstAndBadPeriodsAreProblems() {
        UUID tenant = TestTenants.fresh();
        UUID other = TestTenants.fresh();
        String otherKey = TestApiKeys.issue(other, ApiKeyType.SECRET, List.of("report:manage")).key();
        String readOnly = TestApiKeys.issue(other, ApiKeyType.SECRET, List.of("report:read")).key();
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, "GET", "2026-11-10T10:05:00Z", "household-a", APPLE_PODCASTS, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> recompute(otherKey, PERIOD)
                .statusCode(200).body("downloads", equalTo(0)).body("downloadsWithBots", equalTo(0)));
        recompute(otherKey, "{\"from\":\"2026-11-10T12:00:00Z\",\"to\":\"2026-11-10T10:00:00Z\"}")
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        recompute(otherKey, "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-11-10T10:00:00Z\"}")
                .statusCode(400).body("errors[0].field", equalTo("to"));
        recompute(otherKey, "{\"from\":\"yesterday\",\"to\":\"2026-11-10T10:00:00Z\"}").statusCode(400);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> recompute(readOnly, PERIOD).statusCode(403));
        given().contentType(ContentType.JSON).body(PERIOD).when().post("/v1/rollups/recompute").then().statusCode(401);
    }

    @Test
    void theOneMinuteRuleUsesTheEpisodesLengthFromTheCatalog() {
        UUID tenant = TestTenants.fresh();
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage")).key();
        // 60,000,000 bytes over 3,600 s: one minute is 1,000,000 bytes
        EpisodeChanged announced = new EpisodeChanged(episode, tenant, podcast, "guid-" + episode, "An hour", "https://cdn.example.test/"
                + episode + ".mp3", 60_000_000L, 3600, null, null, null, false, 1, java.time.OffsetDateTime.now());
        TestKafka.publish(Topics.CATALOG_EPISODE_V1, episode.toString(), new CloudEvent(UUID.randomUUID(), "/catalog", EpisodeChanged.TYPE,
                java.time.OffsetDateTime.now(), tenant, episode.toString(), EventJson.write(announced)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestDatabase.as("analytics_app")
                .countInTenant(tenant, "SELECT 1 FROM episode_copy WHERE episode_id = '" + episode + "'")).isEqualTo(1));

        TestDatabase.as("ingest_app").executeInTenant(tenant,
                request(tenant, "GET", "2026-11-10T10:05:00Z", "household-half", APPLE_PODCASTS, "bytes=0-499999"),
                request(tenant, "GET", "2026-11-10T10:06:00Z", "household-whole", OVERCAST, null));

        recompute(key, PERIOD).statusCode(200).body("downloads", equalTo(1));
    }

    private static io.restassured.response.ValidatableResponse recompute(String key, String period) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(period).when().post("/v1/rollups/recompute").then();
    }

    /** The downloads of the rollup for the episode's hour, as a row count (one row per download) in the tenant. */
    private long downloads(UUID tenant, boolean botsIncluded, String hour) {
        return TestDatabase.as("analytics_app").countInTenant(tenant, """
                SELECT 1 FROM download_hourly h, generate_series(1, h.downloads)
                 WHERE h.bots_included = %s AND h.episode_id = '%s' AND h.podcast_id = '%s' AND h.hour_start = '%s'"""
                .formatted(botsIncluded, episode, podcast, hour));
    }

    private String request(UUID tenant, String method, String at, String household, String userAgent, String range) {
        return """
                INSERT INTO ingest.download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id,
                       range_header, user_agent, agent_kind, bot, household_hash)
                VALUES ('%s', '%s', '%s', '%s', 'https://cdn.example.test/%s.mp3', '%s', '%s', %s, '%s', 'app', false, '%s')"""
                .formatted(tenant, UUID.randomUUID(), at, method, episode, episode, podcast,
                        range == null ? "NULL" : "'" + range + "'", userAgent, household);
    }
}
