package io.podcastplatform.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EpisodeChangedContractTest {

    @Test
    void whatTheRecordWritesMatchesTheSchema() {
        EpisodeChanged episode = new EpisodeChanged(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "guid-1", "Title",
                "https://media.example.com/a.mp3", 1_000_000L, 600, OffsetDateTime.now(), null, 3, false, 1, OffsetDateTime.now());

        assertThat(EventSchemas.violations(Topics.CATALOG_EPISODE_V1, EventJson.tree(EventJson.write(episode)))).isEmpty();
    }

    @Test
    void everyExampleReadsIntoTheRecord() {
        for (JsonNode example : EventSchemas.examples(Topics.CATALOG_EPISODE_V1)) {
            EpisodeChanged read = EventJson.read(EventJson.write(example), EpisodeChanged.class);
            assertThat(read.enclosureUrl()).isEqualTo(example.get("enclosureUrl").asText());
            assertThat(read.deleted()).isEqualTo(example.get("deleted").asBoolean());
        }
    }

    @Test
    void anEnclosureThatIsNotHttpIsRefused() {
        com.fasterxml.jackson.databind.node.ObjectNode bad = EventSchemas.examples(Topics.CATALOG_EPISODE_V1).get(0).deepCopy();
        bad.put("enclosureUrl", "file:///etc/passwd");

        assertThat(EventSchemas.violations(Topics.CATALOG_EPISODE_V1, bad)).isNotEmpty();
    }
}
