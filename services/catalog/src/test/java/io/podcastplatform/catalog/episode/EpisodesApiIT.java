package io.podcastplatform.catalog.episode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.podcastplatform.catalog.support.FeedServer;
import io.podcastplatform.catalog.support.Feeds;
import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Episodes of an imported feed through the real API: filters, cursors, ad slots, transcripts, tenants apart. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class EpisodesApiIT {

    private static FeedServer server;

    @BeforeAll
    static void startFeedServer() throws Exception {
        server = new FeedServer();
    }

    @AfterAll
    static void stopFeedServer() {
        server.close();
    }

    /** A fresh tenant with one podcast of 250 imported episodes (seasons 1 to 3). */
    private static String importedPodcast(TenantCaller caller) {
        String prefix = "ep-" + UUID.randomUUID().toString().substring(0, 8);
        server.feed("/" + prefix + ".xml", Feeds.rss(prefix, 250, null));
        String podcastId = caller.request().body("{\"title\":\"Episodes\",\"feedUrl\":\"" + server.url("/" + prefix + ".xml") + "\"}")
                .when().post("/v1/podcasts").then().statusCode(201).extract().path("id");
        caller.request().when().post("/v1/podcasts/" + podcastId + "/import").then().statusCode(200).body("episodesChanged", equalTo(250));
        return podcastId;
    }

    @Test
    void episodesAreListedNewestFirstInPagesWithFilters() {
        TenantCaller caller = TenantCaller.fresh();
        String podcastId = importedPodcast(caller);

        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = caller.request().queryParam("podcastId", podcastId).queryParam("limit", 100)
                    .queryParam("cursor", cursor == null ? "" : cursor).when().get("/v1/episodes").then().statusCode(200)
                    .extract().jsonPath();
            titles.addAll(page.getList("items.title"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(titles).hasSize(250).doesNotHaveDuplicates();
        assertThat(titles.get(0)).isEqualTo("Episode 250");
        assertThat(titles.get(249)).isEqualTo("Episode 1");

        caller.request().queryParam("podcastId", podcastId).queryParam("season", 2).queryParam("limit", 500)
                .when().get("/v1/episodes").then().statusCode(200).body("items", hasSize(100))
                .body("items.seasonNumber", everyItem(equalTo(2)));
        caller.request().queryParam("podcastId", podcastId).queryParam("publishedFrom", "2024-01-02T00:00:00Z")
                .queryParam("publishedTo", "2024-01-05T12:00:00Z").when().get("/v1/episodes").then().statusCode(200)
                .body("items.title", equalTo(List.of("Episode 4", "Episode 3", "Episode 2", "Episode 1")));
        caller.request().queryParam("publishedFrom", "yesterday").when().get("/v1/episodes").then().statusCode(400)
                .body("errors[0].field", equalTo("publishedFrom"));
    }

    @Test
    void adSlotsAreValidatedAndStored() {
        TenantCaller caller = TenantCaller.fresh();
        String podcastId = importedPodcast(caller);
        String episodeId = firstEpisode(caller, podcastId);
        String sponsorId = caller.request().body("{\"name\":\"Mattress Co\"}").when().post("/v1/sponsors").then().statusCode(201)
                .extract().path("id");
        String campaignId = UUID.randomUUID().toString();

        caller.request().body("{\"adSlots\":[{\"position\":\"pre\",\"durationSeconds\":30,\"sponsorId\":\"" + sponsorId + "\"},"
                        + "{\"position\":\"mid\",\"offsetSeconds\":600,\"durationSeconds\":60,\"campaignId\":\"" + campaignId + "\"}]}")
                .when().patch("/v1/episodes/" + episodeId).then().statusCode(200)
                .body("adSlots", hasSize(2)).body("adSlots[0].sponsorId", equalTo(sponsorId))
                .body("adSlots[1].offsetSeconds", equalTo(600)).body("version", equalTo(2));

        caller.request().body("{\"adSlots\":[{\"position\":\"side\",\"durationSeconds\":30}]}").when().patch("/v1/episodes/" + episodeId)
                .then().statusCode(400).body("errors[0].field", equalTo("adSlots[0].position"));
        caller.request().body("{\"adSlots\":[{\"position\":\"pre\",\"durationSeconds\":0}]}").when().patch("/v1/episodes/" + episodeId)
                .then().statusCode(400).body("errors[0].field", equalTo("adSlots[0].durationSeconds"));
        caller.request().body("{\"adSlots\":[{\"position\":\"mid\",\"durationSeconds\":30}]}").when().patch("/v1/episodes/" + episodeId)
                .then().statusCode(400).body("errors[0].field", equalTo("adSlots[0].offsetSeconds"));
        caller.request().body("{\"adSlots\":[{\"position\":\"mid\",\"offsetSeconds\":999999,\"durationSeconds\":30}]}")
                .when().patch("/v1/episodes/" + episodeId).then().statusCode(400).body("errors[0].field", equalTo("adSlots[0].offsetSeconds"));
        caller.request().body("{\"adSlots\":[{\"position\":\"pre\",\"durationSeconds\":30,\"sponsorId\":\"" + UUID.randomUUID() + "\"}]}")
                .when().patch("/v1/episodes/" + episodeId).then().statusCode(400).body("errors[0].field", equalTo("adSlots[0].sponsorId"));
        caller.request().body("{\"adSlots\":[{\"position\":\"pre\",\"durationSeconds\":30,\"sponsorId\":\"nope\"}]}")
                .when().patch("/v1/episodes/" + episodeId).then().statusCode(400);
        caller.request().when().get("/v1/episodes/" + episodeId).then().statusCode(200).body("adSlots", hasSize(2));
    }

    @Test
    void transcriptsKeepTextOrSegmentsPerLanguageWithTheirWordCount() {
        TenantCaller caller = TenantCaller.fresh();
        String episodeId = firstEpisode(caller, importedPodcast(caller));

        caller.request().body("{\"text\":\"Welcome back to the show. Today: measurement!\"}")
                .when().put("/v1/episodes/" + episodeId + "/transcripts/en").then().statusCode(200)
                .body("wordCount", equalTo(7)).body("language", equalTo("en")).body("status", equalTo("completed"));
        caller.request().body("{\"segments\":[{\"startSeconds\":0,\"endSeconds\":4.5,\"text\":\"Hola y bienvenidos\",\"speaker\":\"Ana\"},"
                        + "{\"startSeconds\":4.5,\"endSeconds\":9.2,\"text\":\"al programa\"}],\"source\":\"whisper\"}")
                .when().put("/v1/episodes/" + episodeId + "/transcripts/es").then().statusCode(200)
                .body("wordCount", equalTo(5)).body("durationSeconds", equalTo(10)).body("segments", hasSize(2))
                .body("source", equalTo("whisper"));
        caller.request().body("{\"text\":\"Welcome back.\"}").when().put("/v1/episodes/" + episodeId + "/transcripts/en")
                .then().statusCode(200).body("wordCount", equalTo(2));

        caller.request().when().get("/v1/episodes/" + episodeId + "/transcripts").then().statusCode(200)
                .body("language", equalTo(List.of("en", "es")));
        caller.request().when().get("/v1/episodes/" + episodeId).then().statusCode(200).body("transcriptStatus", equalTo("available"));

        caller.request().body("{}").when().put("/v1/episodes/" + episodeId + "/transcripts/en").then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        caller.request().body("{\"text\":\"x\"}").when().put("/v1/episodes/" + episodeId + "/transcripts/English!").then()
                .statusCode(400);
        caller.request().body("{\"segments\":[{\"startSeconds\":5,\"endSeconds\":1,\"text\":\"x\"}]}")
                .when().put("/v1/episodes/" + episodeId + "/transcripts/de").then().statusCode(400)
                .body("errors[0].field", equalTo("segments[0].endSeconds"));
    }

    @Test
    void anotherTenantCannotSeeTouchOrDeleteEpisodes() {
        TenantCaller owner = TenantCaller.fresh();
        TenantCaller stranger = TenantCaller.fresh();
        String podcastId = importedPodcast(owner);
        String episodeId = firstEpisode(owner, podcastId);

        stranger.request().when().get("/v1/episodes/" + episodeId).then().statusCode(404).contentType("application/problem+json");
        stranger.request().body("{\"title\":\"Mine now\"}").when().patch("/v1/episodes/" + episodeId).then().statusCode(404);
        stranger.request().when().delete("/v1/episodes/" + episodeId).then().statusCode(404);
        stranger.request().body("{\"text\":\"x\"}").when().put("/v1/episodes/" + episodeId + "/transcripts/en").then().statusCode(404);
        stranger.request().when().get("/v1/episodes/" + episodeId + "/transcripts").then().statusCode(404);
        stranger.request().queryParam("podcastId", podcastId).when().get("/v1/episodes").then().statusCode(200)
                .body("items", hasSize(0));
        given().when().get("/v1/episodes/" + episodeId).then().statusCode(401);

        owner.request().when().delete("/v1/episodes/" + episodeId).then().statusCode(204);
        owner.request().when().get("/v1/episodes/" + episodeId).then().statusCode(404);
        owner.request().queryParam("podcastId", podcastId).queryParam("limit", 500).when().get("/v1/episodes").then()
                .statusCode(200).body("items", hasSize(249)).body("items.id", not(hasItem(episodeId)));
    }

    private static String firstEpisode(TenantCaller caller, String podcastId) {
        return caller.request().queryParam("podcastId", podcastId).queryParam("limit", 1).when().get("/v1/episodes").then()
                .statusCode(200).extract().path("items[0].id");
    }
}
