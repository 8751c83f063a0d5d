package io.podcastplatform.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PodcastAndSponsorContractTest {

    @Test
    void whatThePodcastRecordWritesMatchesTheSchema() {
        PodcastChanged podcast = new PodcastChanged(UUID.randomUUID(), UUID.randomUUID(), "Show", "https://feeds.example.com/a.xml",
                null, null, false, 1, OffsetDateTime.now());

        assertThat(EventSchemas.violations(Topics.CATALOG_PODCAST_V1, EventJson.tree(EventJson.write(podcast)))).isEmpty();
    }

    @Test
    void whatTheSponsorRecordWritesMatchesTheSchema() {
        SponsorChanged sponsor = new SponsorChanged(UUID.randomUUID(), UUID.randomUUID(), "Acme Ads", null, null, null, "retail",
                true, 2, OffsetDateTime.now());

        assertThat(EventSchemas.violations(Topics.CATALOG_SPONSOR_V1, EventJson.tree(EventJson.write(sponsor)))).isEmpty();
    }

    @Test
    void everyExampleReadsIntoItsRecord() {
        for (JsonNode example : EventSchemas.examples(Topics.CATALOG_PODCAST_V1)) {
            assertThat(EventJson.read(EventJson.write(example), PodcastChanged.class).title()).isEqualTo(example.get("title").asText());
        }
        for (JsonNode example : EventSchemas.examples(Topics.CATALOG_SPONSOR_V1)) {
            assertThat(EventJson.read(EventJson.write(example), SponsorChanged.class).name()).isEqualTo(example.get("name").asText());
        }
    }
}
