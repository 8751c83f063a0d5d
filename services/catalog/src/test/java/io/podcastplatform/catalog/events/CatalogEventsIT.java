package io.podcastplatform.catalog.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.support.FeedServer;
import io.podcastplatform.catalog.support.Feeds;
import io.podcastplatform.catalog.support.TenantCaller;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.catalog.EpisodeChanged;
import io.podcastplatform.events.catalog.PodcastChanged;
import io.podcastplatform.events.catalog.SponsorChanged;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Producer side of catalog.podcast.v1, catalog.episode.v1 and catalog.sponsor.v1, through the outbox and the real broker. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class CatalogEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void podcastChangesArePublishedKeyedByIdAndValidAgainstTheSchema() {
        TenantCaller caller = TenantCaller.fresh();
        try (TestKafka.Watch watch = TestKafka.watch(Topics.CATALOG_PODCAST_V1)) {
            String id = caller.request().body("{\"title\":\"Event Show\",\"feedUrl\":\"https://feeds.example.com/e.xml\"}")
                    .when().post("/v1/podcasts").then().statusCode(201).extract().path("id");
            caller.request().body("{\"title\":\"Event Show 2\"}").when().patch("/v1/podcasts/" + id).then().statusCode(200);
            caller.request().when().delete("/v1/podcasts/" + id).then().statusCode(204);

            JsonNode created = contract(watch, Topics.CATALOG_PODCAST_V1, PodcastChanged.TYPE, caller.tenantId(), id, 1);
            assertThat(created.get("title").asText()).isEqualTo("Event Show");
            assertThat(created.get("feedUrl").asText()).isEqualTo("https://feeds.example.com/e.xml");
            assertThat(contract(watch, Topics.CATALOG_PODCAST_V1, PodcastChanged.TYPE, caller.tenantId(), id, 2).get("title").asText())
                    .isEqualTo("Event Show 2");
            assertThat(contract(watch, Topics.CATALOG_PODCAST_V1, PodcastChanged.TYPE, caller.tenantId(), id, 3).get("deleted").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void sponsorChangesArePublishedKeyedByIdAndValidAgainstTheSchema() {
        TenantCaller caller = TenantCaller.fresh();
        try (TestKafka.Watch watch = TestKafka.watch(Topics.CATALOG_SPONSOR_V1)) {
            String id = caller.request().body("{\"name\":\"Event Sponsor\",\"email\":\"a@b.example.com\",\"industry\":\"retail\"}")
                    .when().post("/v1/sponsors").then().statusCode(201).extract().path("id");
            caller.request().when().delete("/v1/sponsors/" + id).then().statusCode(204);

            JsonNode created = contract(watch, Topics.CATALOG_SPONSOR_V1, SponsorChanged.TYPE, caller.tenantId(), id, 1);
            assertThat(created.get("name").asText()).isEqualTo("Event Sponsor");
            assertThat(created.has("email")).as("contact details stay in the catalog").isFalse();
            assertThat(contract(watch, Topics.CATALOG_SPONSOR_V1, SponsorChanged.TYPE, caller.tenantId(), id, 2).get("deleted").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void importedEditedAndDeletedEpisodesArePublished() throws Exception {
        TenantCaller caller = TenantCaller.fresh();
        String prefix = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        try (FeedServer server = new FeedServer(); TestKafka.Watch watch = TestKafka.watch(Topics.CATALOG_EPISODE_V1)) {
            server.feed("/" + prefix + ".xml", Feeds.rss(prefix, 2, null));
            String podcastId = caller.request().body("{\"title\":\"x\",\"feedUrl\":\"" + server.url("/" + prefix + ".xml") + "\"}")
                    .when().post("/v1/podcasts").then().statusCode(201).extract().path("id");
            caller.request().when().post("/v1/podcasts/" + podcastId + "/import").then().statusCode(200);
            List<String> ids = caller.request().queryParam("podcastId", podcastId).when().get("/v1/episodes").then().statusCode(200)
                    .extract().path("items.id");
            caller.request().body("{\"title\":\"Edited\"}").when().patch("/v1/episodes/" + ids.get(0)).then().statusCode(200);
            caller.request().when().delete("/v1/episodes/" + ids.get(0)).then().statusCode(204);
            caller.request().when().delete("/v1/podcasts/" + podcastId).then().statusCode(204);

            JsonNode imported = contract(watch, Topics.CATALOG_EPISODE_V1, EpisodeChanged.TYPE, caller.tenantId(), ids.get(0), 1);
            assertThat(imported.get("podcastId").asText()).isEqualTo(podcastId);
            assertThat(imported.get("enclosureUrl").asText()).startsWith("https://media.example.com/" + prefix + "/");
            assertThat(contract(watch, Topics.CATALOG_EPISODE_V1, EpisodeChanged.TYPE, caller.tenantId(), ids.get(0), 2).get("title").asText())
                    .isEqualTo("Edited");
            assertThat(contract(watch, Topics.CATALOG_EPISODE_V1, EpisodeChanged.TYPE, caller.tenantId(), ids.get(0), 3).get("deleted").asBoolean())
                    .isTrue();
            assertThat(contract(watch, Topics.CATALOG_EPISODE_V1, EpisodeChanged.TYPE, caller.tenantId(), ids.get(1), 2).get("deleted").asBoolean())
                    .as("deleting the podcast retires its episodes").isTrue();
        }
    }

    /** The record of {@code id} at {@code version}: key, CloudEvents headers and schema checked; its data. */
    private static JsonNode contract(TestKafka.Watch watch, String topic, String type, UUID tenantId, String id, long version) {
        Predicate<ConsumerRecord<String, byte[]>> match = r -> id.equals(r.key())
                && EventJson.tree(r.value()).get("version").asLong() == version;
        ConsumerRecord<String, byte[]> record = watch.await(match, WAIT)
                .orElseThrow(() -> new AssertionError("no version " + version + " of " + id + " on " + topic));
        CloudEvent event = CloudEvent.fromRecord(record.headers(), record.value());
        JsonNode data = EventJson.tree(event.data());
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.source()).isEqualTo("/catalog");
        assertThat(event.tenantId()).isEqualTo(tenantId);
        assertThat(event.id()).isNotNull();
        assertThat(EventSchemas.violations(topic, data)).isEmpty();
        assertThat(data.get("id").asText()).isEqualTo(id);
        return data;
    }
}
