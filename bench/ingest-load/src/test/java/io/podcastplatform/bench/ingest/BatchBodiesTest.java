package io.podcastplatform.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchBodiesTest {

    private final BatchBodies bodies = new BatchBodies("run-1", 0.8);

    @Test
    void aBatchIsSegmentJsonWithUniqueMessageIds() {
        JsonNode body = EventJson.tree(bodies.batch(1000, 200).getBytes(StandardCharsets.UTF_8));

        assertThat(body.get("sentAt").asText()).endsWith("Z");
        assertThat(body.get("batch")).hasSize(200);
        Set<String> messageIds = new HashSet<>();
        body.get("batch").forEach(event -> messageIds.add(event.get("messageId").asText()));
        assertThat(messageIds).hasSize(200).contains("run-1-1000", "run-1-1199");
    }

    @Test
    void listenerEventsAreEpisodeProgressTracksAndTheRestPageViews() {
        JsonNode batch = EventJson.tree(bodies.batch(0, 1000).getBytes(StandardCharsets.UTF_8)).get("batch");

        int listener = 0;
        for (JsonNode event : batch) {
            if ("track".equals(event.get("type").asText())) {
                listener++;
                assertThat(event.get("event").asText()).isEqualTo("Episode Progress");
                assertThat(event.at("/properties/episode_id").asText()).hasSize(36);
                assertThat(event.at("/properties/duration").asInt()).isEqualTo(3600);
            } else {
                assertThat(event.get("type").asText()).isEqualTo("page");
                assertThat(event.at("/context/page/url").asText()).startsWith("https://");
                assertThat(event.at("/context/campaign/source").asText()).isEqualTo("podcast");
            }
        }
        assertThat(listener).isBetween(740, 860);
    }

    @Test
    void theAcceptedCountIsReadFromTheAnswer() {
        assertThat(BatchLoad.acceptedCount("{\"success\":true,\"accepted\": 498,\"rejected\":[{}]}", 500)).isEqualTo(498);
        assertThat(BatchLoad.acceptedCount("{\"success\":true}", 500)).isEqualTo(500);
    }
}
