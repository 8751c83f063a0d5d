package io.podcastplatform.analytics.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.Test;

/** Consumer side of catalog.episode.v1: every schema example is kept under its own tenant, and a newer version replaces it. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class EpisodeCopyContractIT {

    private final TestDatabase db = TestDatabase.as("analytics_app");

    @Test
    void everySchemaExampleIsKeptUnderItsTenantAndNewerVersionsReplaceIt() {
        for (JsonNode example : EventSchemas.examples(Topics.CATALOG_EPISODE_V1)) {
            UUID tenant = TestTenants.fresh();
            UUID episode = UUID.randomUUID();
            long version = example.get("version").asLong();
            ObjectNode data = example.deepCopy();
            data.put("id", episode.toString()).put("tenantId", tenant.toString());

            publish(tenant, episode, data);
            awaitOne(tenant, "episode_id = '" + episode + "' AND version = " + version + " AND deleted = " + example.get("deleted").asBoolean());
            assertThat(db.countInTenant(null, "SELECT 1 FROM analytics.episode_copy WHERE episode_id = '" + episode + "'"))
                    .as("invisible without its tenant").isZero();

            publish(tenant, episode, data.deepCopy().put("version", version + 1).put("durationSeconds", 1234));
            awaitOne(tenant, "episode_id = '" + episode + "' AND version = " + (version + 1) + " AND duration_seconds = 1234");
        }
    }

    private void awaitOne(UUID tenant, String condition) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(db.countInTenant(tenant, "SELECT 1 FROM analytics.episode_copy WHERE " + condition)).isEqualTo(1));
    }

    private static void publish(UUID tenant, UUID episode, JsonNode data) {
        TestKafka.publish(Topics.CATALOG_EPISODE_V1, episode.toString(), new CloudEvent(UUID.randomUUID(), "/catalog", EpisodeChanged.TYPE,
                OffsetDateTime.now(), tenant, episode.toString(), EventJson.write(data)));
    }
}
