package io.podcastplatform.ingest.download;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.catalog.EpisodeChanged;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The download prefix: an immediate redirect, and the request recorded afterwards with its episode when known. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class DownloadPrefixIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TestDatabase APP = TestDatabase.as("ingest_app");

    private UUID tenant;
    private String slug;

    @BeforeEach
    void freshTenantKnownToIngest() {
        tenant = TestTenants.fresh();
        slug = "t-" + tenant.toString().substring(0, 13);
        await().atMost(WAIT).until(() -> ((Number) APP.single("SELECT count(*) FROM ingest.tenant_directory WHERE tenant_id = ?", tenant)).intValue() == 1);
    }

    private long downloads(String sql, Object... parameters) {
        return APP.countInTenant(tenant, sql, parameters);
    }

    @Test
    void aDownloadIsRedirectedAtOnceAndRecordedWithoutTheRawAddress() {
        String file = "media.example.com/" + UUID.randomUUID() + "/ep.mp3";
        try (TestKafka.Watch watch = TestKafka.watch(Topics.INGEST_DOWNLOAD_REQUEST_V1)) {
            given().redirects().follow(false).header("User-Agent", "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)")
                    .header("Range", "bytes=0-1").header("X-Forwarded-For", "198.51.100.77")
                    .when().get("/v1/e/" + slug + "/" + file + "?src=rss")
                    .then().statusCode(302).header("Location", equalTo("https://" + file + "?src=rss"));
            given().redirects().follow(false).when().head("/v1/e/" + slug + "/" + file)
                    .then().statusCode(302).header("Location", equalTo("https://" + file));

            JsonNode published = EventJson.tree(watch.await(r -> r.key().equals(tenant + ":https://" + file + "?src=rss"), WAIT).orElseThrow().value());
            assertThat(EventSchemas.violations(Topics.INGEST_DOWNLOAD_REQUEST_V1, published)).isEmpty();
            assertThat(published.toString()).doesNotContain("198.51.100.77");
            assertThat(published.at("/client/agentName").asText()).isEqualTo("AppleCoreMedia");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(downloads("SELECT 1 FROM ingest.download_requests WHERE enclosure_url LIKE ?",
                "https://" + file + "%")).isEqualTo(2));
        assertThat(downloads("""
                SELECT 1 FROM ingest.download_requests WHERE enclosure_url = ? AND method = 'GET' AND range_header = 'bytes=0-1'
                   AND ip_hash ~ '^[0-9a-f]{64}$' AND episode_id IS NULL AND NOT bot""", "https://" + file + "?src=rss")).isEqualTo(1);
    }

    @Test
    void theEpisodeIsNamedOnceTheCatalogPublishedItsEnclosure() {
        UUID episode = UUID.randomUUID();
        UUID podcast = UUID.randomUUID();
        String file = "cdn.example.org/" + episode + ".mp3";
        EpisodeChanged changed = new EpisodeChanged(episode, tenant, podcast, "guid-" + episode, "Ep", "http://" + file, 1_000_000L, 600,
                OffsetDateTime.now(), null, 1, false, 1, OffsetDateTime.now());
        TestKafka.publish(Topics.CATALOG_EPISODE_V1, episode.toString(), new CloudEvent(UUID.randomUUID(), "/catalog", EpisodeChanged.TYPE,
                OffsetDateTime.now(), tenant, episode.toString(), EventJson.write(changed)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(downloads("SELECT 1 FROM ingest.episode_enclosure WHERE episode_id = ?", episode)).isEqualTo(1));

        given().redirects().follow(false).when().get("/v1/e/" + slug + "/" + file).then().statusCode(302);

        await().atMost(WAIT).untilAsserted(() -> assertThat(downloads(
                "SELECT 1 FROM ingest.download_requests WHERE episode_id = ? AND podcast_id = ? AND enclosure_url = ?", episode, podcast,
                "https://" + file)).isEqualTo(1));
    }

    @Test
    void anUnknownTenantStillGetsItsRedirectAndGarbageIsA400() {
        given().redirects().follow(false).when().get("/v1/e/no-such-tenant-" + UUID.randomUUID() + "/example.com/a.mp3")
                .then().statusCode(302).header("Location", equalTo("https://example.com/a.mp3"));
        given().redirects().follow(false).urlEncodingEnabled(false).when().get("/v1/e/" + slug + "/https://example.com/b.mp3")
                .then().statusCode(302).header("Location", equalTo("https://example.com/b.mp3"));
        given().redirects().follow(false).when().get("/v1/e/" + slug + "/not-a-host")
                .then().statusCode(400).contentType("application/problem+json");
        given().redirects().follow(false).when().get("/v1/e/" + slug + "/-bad.example/a.mp3")
                .then().statusCode(400);
    }
}
