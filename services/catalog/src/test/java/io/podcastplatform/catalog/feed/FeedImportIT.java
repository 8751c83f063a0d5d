package io.podcastplatform.catalog.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.feed.service.FeedReimportScheduler;
import io.podcastplatform.catalog.support.FeedServer;
import io.podcastplatform.catalog.support.Feeds;
import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.catalog.EpisodeChanged;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RSS import end to end: a real HTTP server serves generated feeds, the real database and broker take the result. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class FeedImportIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static FeedServer server;

    @Inject
    FeedReimportScheduler scheduler;

    private final TestDatabase db = TestDatabase.as("catalog_app");

    @BeforeAll
    static void startFeedServer() throws Exception {
        server = new FeedServer();
    }

    @AfterAll
    static void stopFeedServer() {
        server.close();
    }

    @Test
    void aFeedOfSixHundredEpisodesImportedTwiceHoldsEachEpisodeOnceAndARetitledEpisodeIsUpdatedAndPublished() {
        TenantCaller caller = TenantCaller.fresh();
        String prefix = "big-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/" + prefix + ".xml";
        server.feed(path, Feeds.rss(prefix, 600, null));
        String podcastId = createPodcast(caller, server.url(path));

        caller.request().when().post("/v1/podcasts/" + podcastId + "/import").then().statusCode(200)
                .body("episodesChanged", equalTo(600)).body("episodesUnchanged", equalTo(0))
                .body("podcast.title", equalTo("Show " + prefix))
                .body("podcast.imageUrl", equalTo("https://cdn.example.com/" + prefix + ".jpg"))
                .body("podcast.ingestionStatus", equalTo("succeeded"))
                .body("podcast.lastImportedAt", notNullValue());
        assertThat(episodesOf(caller, podcastId)).isEqualTo(600);

        server.feed(path, Feeds.rss(prefix, 600, "Episode 1, remastered"));
        try (TestKafka.Watch watch = TestKafka.watch(Topics.CATALOG_EPISODE_V1)) {
            caller.request().when().post("/v1/podcasts/" + podcastId + "/import").then().statusCode(200)
                    .body("episodesChanged", equalTo(1)).body("episodesUnchanged", equalTo(599)).body("notModified", equalTo(false));

            ConsumerRecord<String, byte[]> record = watch.await(r -> {
                EpisodeChanged changed = EventJson.read(r.value(), EpisodeChanged.class);
                return changed.guid().equals(prefix + "-1") && changed.title().equals("Episode 1, remastered");
            }, WAIT).orElseThrow(() -> new AssertionError("the retitled episode was not published"));
            CloudEvent event = CloudEvent.fromRecord(record.headers(), record.value());
            JsonNode data = EventJson.tree(event.data());
            assertThat(EventSchemas.violations(Topics.CATALOG_EPISODE_V1, data)).isEmpty();
            assertThat(record.key()).isEqualTo(data.get("id").asText());
            assertThat(event.type()).isEqualTo(EpisodeChanged.TYPE);
            assertThat(event.source()).isEqualTo("/catalog");
            assertThat(event.tenantId()).isEqualTo(caller.tenantId());
            assertThat(data.get("version").asLong()).isEqualTo(2);
            assertThat(data.get("enclosureUrl").asText()).isEqualTo("https://media.example.com/" + prefix + "/1.mp3");
            assertThat(data.get("enclosureLength").asLong()).isEqualTo(1_000_001L);
            assertThat(data.get("durationSeconds").asInt()).isEqualTo(21 * 60 + 1);
        }
        assertThat(episodesOf(caller, podcastId)).isEqualTo(600);
        assertThat(db.countInTenant(caller.tenantId(), "SELECT DISTINCT guid FROM catalog.episode WHERE podcast_id = ?::uuid",
                podcastId)).isEqualTo(600);
        caller.request().when().get("/v1/episodes?podcastId=" + podcastId + "&q=remastered").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].seasonNumber", equalTo(1))
                .body("items[0].episodeNumber", equalTo(1))
                .body("items[0].podcasting20[0].tag", equalTo("transcript"));
    }

    @Test
    void anUnchangedFeedIsAskedForConditionallyAndChangesNothing() {
        TenantCaller caller = TenantCaller.fresh();
        String prefix = "etag-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/" + prefix + ".xml";
        server.feed(path, Feeds.rss(prefix, 3, null));
        String podcastId = createPodcast(caller, server.url(path));
        caller.request().when().post("/v1/podcasts/" + podcastId + "/import").then().statusCode(200).body("episodesChanged", equalTo(3));
        int before = server.notModifiedAnswers();

        caller.request().when().post("/v1/podcasts/" + podcastId + "/import").then().statusCode(200)
                .body("notModified", equalTo(true)).body("episodesChanged", equalTo(0))
                .body("podcast.ingestionStatus", equalTo("succeeded"));

        assertThat(server.notModifiedAnswers()).isGreaterThan(before);
        assertThat(episodesOf(caller, podcastId)).isEqualTo(3);
    }

    @Test
    void brokenFeedsLeaveAClearErrorOnThePodcastAndTheServiceStaysUp() {
        TenantCaller caller = TenantCaller.fresh();
        String id = UUID.randomUUID().toString().substring(0, 8);
        server.feed("/html-" + id, "<html><head><title>Welcome</title></head><body>Not a feed</body></html>");
        server.feed("/cut-" + id, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut");

        expectFailure(caller, server.url("/html-" + id), "not a readable RSS or Atom feed");
        expectFailure(caller, server.url("/cut-" + id), "not a readable RSS or Atom feed");
        expectFailure(caller, server.url("/missing-" + id), "HTTP 404");
        expectFailure(caller, server.url("/huge-" + id), "larger than 1 MB");
        expectFailure(caller, server.url("/slow-" + id), "did not answer in time");
        RestAssured.given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void internalAddressesAreRefusedBeforeAnyRequestAndOnEveryRedirect() {
        TenantCaller caller = TenantCaller.fresh();
        String id = UUID.randomUUID().toString().substring(0, 8);
        server.feed("/internal-" + id, Feeds.rss("internal", 1, null));

        expectFailure(caller, server.urlOn("127.0.0.2", "/internal-" + id), "refused to fetch from 127.0.0.2");
        expectFailure(caller, "http://169.254.169.254/latest/meta-data/", "refused to fetch from 169.254.169.254");
        expectFailure(caller, "http://[::1]:8082/", "refused to fetch");
        assertThat(server.requests("/internal-" + id)).isZero();

        server.redirect("/hop-" + id, server.urlOn("127.0.0.2", "/internal-" + id));
        expectFailure(caller, server.url("/hop-" + id), "refused to fetch from 127.0.0.2");
        assertThat(server.requests("/hop-" + id)).isEqualTo(1);
        assertThat(server.requests("/internal-" + id)).isZero();

        server.redirect("/loop-" + id, "/loop-" + id);
        expectFailure(caller, server.url("/loop-" + id), "redirected more than 5 times");
    }

    @Test
    void aRedirectToAnAllowedFeedIsFollowed() {
        TenantCaller caller = TenantCaller.fresh();
        String prefix = "moved-" + UUID.randomUUID().toString().substring(0, 8);
        server.feed("/" + prefix + "-new.xml", Feeds.rss(prefix, 2, null));
        server.redirect("/" + prefix + "-old.xml", "/" + prefix + "-new.xml");
        String podcastId = createPodcast(caller, server.url("/" + prefix + "-old.xml"));

        caller.request().when().post("/v1/podcasts/" + podcastId + "/import").then().statusCode(200).body("episodesChanged", equalTo(2));
    }

    @Test
    void theSchedulerImportsFeedsThatAreDue() {
        TenantCaller caller = TenantCaller.fresh();
        String prefix = "sched-" + UUID.randomUUID().toString().substring(0, 8);
        server.feed("/" + prefix + ".xml", Feeds.rss(prefix, 4, null));
        String podcastId = createPodcast(caller, server.url("/" + prefix + ".xml"));

        for (int run = 0; run < 20 && !"succeeded".equals(status(caller, podcastId)); run++) {
            scheduler.reimportDue().await().atMost(WAIT);
        }

        assertThat(status(caller, podcastId)).isEqualTo("succeeded");
        assertThat(episodesOf(caller, podcastId)).isEqualTo(4);
    }

    private static void expectFailure(TenantCaller caller, String feedUrl, String reason) {
        String podcastId = createPodcast(caller, feedUrl);
        caller.request().when().post("/v1/podcasts/" + podcastId + "/import").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString(reason));
        caller.request().when().get("/v1/podcasts/" + podcastId).then().statusCode(200)
                .body("ingestionStatus", equalTo("failed")).body("lastImportError", containsString(reason))
                .body("lastImportAttemptAt", notNullValue());
    }

    private static String createPodcast(TenantCaller caller, String feedUrl) {
        return caller.request().body("{\"title\":\"Imported\",\"feedUrl\":\"" + feedUrl + "\"}")
                .when().post("/v1/podcasts").then().statusCode(201).extract().path("id");
    }

    private static String status(TenantCaller caller, String podcastId) {
        return caller.request().when().get("/v1/podcasts/" + podcastId).then().statusCode(200).extract().path("ingestionStatus");
    }

    /** Counts through the API, page by page, as a client would. */
    private static int episodesOf(TenantCaller caller, String podcastId) {
        int count = 0;
        String cursor = null;
        do {
            JsonPath page = caller.request().queryParam("podcastId", podcastId).queryParam("limit", 500)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/v1/episodes").then().statusCode(200).extract().jsonPath();
            count += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return count;
    }
}
