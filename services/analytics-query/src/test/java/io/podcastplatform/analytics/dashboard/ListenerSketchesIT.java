package io.podcastplatform.analytics.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.podcastplatform.analytics.dashboard.repository.DashboardRepository;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.BreakdownCounts;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.Dimension;
import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.ListenerCounts;
import io.podcastplatform.analytics.rollup.repository.ListenerSketchRepository;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Audiences past the size a sketch holds exactly: 6,000 listeners download episode one on the 10th (a third each from
 * US, FR and DE), 2,500 of them episode two on the 11th. Downloads stay exact; unique listeners from the hourly
 * HyperLogLog sketches (stored per hour, or built on the fly for a podcast's breakdown) are within four standard
 * errors of the true counts, which the exact path counts to the unit.
 */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class ListenerSketchesIT {

    private static final String APPLE_PODCASTS = "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0";
    private static final int FIRST_DAY_LISTENERS = 6_000;
    private static final int SECOND_DAY_LISTENERS = 2_500;

    @Inject
    TenantTransactions transactions;
    @Inject
    DashboardRepository repository;

    private final UUID podcast = UUID.randomUUID();
    private final UUID one = UUID.randomUUID();
    private final UUID two = UUID.randomUUID();

    @Test
    void largeAudiencesAreEstimatedWithinTheStatedErrorAndDownloadsStayExact() {
        UUID tenant = TestTenants.fresh();
        String key = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("report:manage")).key();
        TestDatabase.as("ingest_app").executeInTenant(tenant,
                requests(tenant, one, FIRST_DAY_LISTENERS, "2026-11-10T00:00:00Z"),
                requests(tenant, two, SECOND_DAY_LISTENERS, "2026-11-11T00:00:00Z"));
        recompute(key);

        JsonPath series = listeners(key, null);
        assertThat(series.getString("uniqueListenersCounting.method")).isEqualTo("hyperloglog");
        assertThat(series.getDouble("uniqueListenersCounting.standardError")).isEqualTo(0.0081);
        assertThat(series.getLong("downloads")).isEqualTo(FIRST_DAY_LISTENERS + SECOND_DAY_LISTENERS);
        assertThat(series.getList("buckets.downloads", Long.class)).containsExactly((long) FIRST_DAY_LISTENERS, (long) SECOND_DAY_LISTENERS);
        assertEstimate(series.getLong("uniqueListeners"), FIRST_DAY_LISTENERS);
        assertEstimate(series.getLong("buckets[0].uniqueListeners"), FIRST_DAY_LISTENERS);
        assertEstimate(series.getLong("buckets[1].uniqueListeners"), SECOND_DAY_LISTENERS);
        assertEstimate(listeners(key, podcast).getLong("uniqueListeners"), FIRST_DAY_LISTENERS);
        JsonPath episodeTwo = given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-11")
                .queryParam("episodeId", two.toString()).when().get("/v1/dashboards/listeners").then().statusCode(200).extract().jsonPath();
        assertEstimate(episodeTwo.getLong("uniqueListeners"), SECOND_DAY_LISTENERS);

        JsonPath byCountry = given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").queryParam("by", "country")
                .when().get("/v1/dashboards/breakdown").then().statusCode(200)
                .body("uniqueListenersCounting.method", equalTo("hyperloglog"))
                .body("rows.value", contains("FR", "DE", "US")).body("rows.downloads", contains(2_834, 2_833, 2_833)).extract().jsonPath();
        assertEstimate(byCountry.getLong("uniqueListeners"), FIRST_DAY_LISTENERS);
        for (int row = 0; row < 3; row++) {
            assertEstimate(byCountry.getLong("rows[" + row + "].uniqueListeners"), FIRST_DAY_LISTENERS / 3);
        }

        JsonPath podcastByCountry = given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-11")
                .queryParam("by", "country").queryParam("podcastId", podcast.toString()).when().get("/v1/dashboards/breakdown").then().statusCode(200)
                .body("uniqueListenersCounting.method", equalTo("hyperloglog")).body("rows.downloads", contains(2_834, 2_833, 2_833))
                .extract().jsonPath();
        assertEstimate(podcastByCountry.getLong("uniqueListeners"), FIRST_DAY_LISTENERS);
        assertEstimate(podcastByCountry.getLong("rows[0].uniqueListeners"), FIRST_DAY_LISTENERS / 3);

        BreakdownCounts exactByCountry = transactions.inTenant(tenant, tx -> repository.breakdown(tx, Dimension.COUNTRY,
                Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-12T00:00:00Z"), false, podcast, null, false))
                .await().atMost(Duration.ofSeconds(30));
        assertThat(exactByCountry.uniqueListeners()).isEqualTo(FIRST_DAY_LISTENERS);
        assertThat(exactByCountry.rows()).extracting(DashboardRepository.BreakdownRow::uniqueListeners)
                .containsExactly((long) FIRST_DAY_LISTENERS / 3, (long) FIRST_DAY_LISTENERS / 3, (long) FIRST_DAY_LISTENERS / 3);

        ListenerCounts exact = transactions.inTenant(tenant, tx -> repository.listeners(tx, "day", "UTC", Instant.parse("2026-11-10T00:00:00Z"),
                Instant.parse("2026-11-12T00:00:00Z"), false, null, null)).await().atMost(Duration.ofSeconds(30));
        assertThat(exact.uniqueListeners()).isEqualTo(FIRST_DAY_LISTENERS);
        assertThat(exact.buckets()).extracting(DashboardRepository.ListenerBucket::uniqueListeners)
                .containsExactly((long) FIRST_DAY_LISTENERS, (long) SECOND_DAY_LISTENERS);

        recompute(key);
        JsonPath again = listeners(key, null);
        assertThat(again.getLong("uniqueListeners")).isEqualTo(series.getLong("uniqueListeners"));
        assertThat(again.getLong("downloads")).isEqualTo(FIRST_DAY_LISTENERS + SECOND_DAY_LISTENERS);
    }

    /** Within four standard errors of the truth, and never off by more than that in either direction. */
    private static void assertEstimate(long estimate, long truth) {
        assertThat((double) estimate).isCloseTo(truth, within(4 * ListenerSketchRepository.STANDARD_ERROR * truth));
    }

    private static JsonPath listeners(String key, UUID podcastId) {
        var request = given().auth().oauth2(key).queryParam("from", "2026-11-10").queryParam("to", "2026-11-11").queryParam("granularity", "day");
        if (podcastId != null) {
            request.queryParam("podcastId", podcastId.toString());
        }
        return request.when().get("/v1/dashboards/listeners").then().statusCode(200).extract().jsonPath();
    }

    private static void recompute(String key) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"from\":\"2026-11-10T00:00:00Z\",\"to\":\"2026-11-12T00:00:00Z\"}").when().post("/v1/rollups/recompute")
                .then().statusCode(200).body("downloads", equalTo(FIRST_DAY_LISTENERS + SECOND_DAY_LISTENERS)));
    }

    /** Listener n (1..count) downloads {@code episode} once, n seconds after {@code start}, from country n mod 3. */
    private String requests(UUID tenant, UUID episode, int count, String start) {
        return """
                INSERT INTO ingest.download_requests (tenant_id, request_id, occurred_at, method, enclosure_url, episode_id, podcast_id,
                       user_agent, agent_kind, bot, household_hash, country_code, app_name, device_type)
                SELECT '%s', gen_random_uuid(), '%s'::timestamptz + n * interval '1 second', 'GET', 'https://cdn.example.test/%s.mp3', '%s', '%s',
                       '%s', 'app', false, 'household-' || n, (ARRAY['US', 'FR', 'DE'])[n %% 3 + 1], 'Apple Podcasts', 'mobile'
                  FROM generate_series(1, %d) n""".formatted(tenant, start, episode, episode, podcast, APPLE_PODCASTS, count);
    }
}
