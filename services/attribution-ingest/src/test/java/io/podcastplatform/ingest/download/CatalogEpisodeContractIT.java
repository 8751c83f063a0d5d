package io.podcastplatform.ingest.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Consumer side of catalog.episode.v1: every schema example is applied; unusable records are skipped. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class CatalogEpisodeContractIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void everySchemaExampleIsApplied() {
        for (JsonNode example : EventSchemas.examples(Topics.CATALOG_EPISODE_V1)) {
            UUID tenant = UUID.fromString(example.get("tenantId").asText());
            UUID id = UUID.fromString(example.get("id").asText());
            TestKafka.publish(Topics.CATALOG_EPISODE_V1, id.toString(), new CloudEvent(UUID.randomUUID(), "/catalog", EpisodeChanged.TYPE,
                    OffsetDateTime.now(), tenant, id.toString(), EventJson.write(example)));

            await().atMost(WAIT).untilAsserted(() -> assertThat(TestDatabase.as("ingest_app").countInTenant(tenant,
                    "SELECT 1 FROM ingest.episode_enclosure WHERE episode_id = ? AND deleted = ? AND enclosure_url = ?", id,
                    example.get("deleted").asBoolean(), example.get("enclosureUrl").asText())).isEqualTo(1));
        }
    }

    @Test
    void anOlderVersionChangesNothingAndAnOffSchemaRecordIsSkipped() {
        UUID tenant = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        publish(new EpisodeChanged(id, tenant, UUID.randomUUID(), "g", "t", "https://a.example/v2.mp3", null, null, null, null, null, false, 2,
                OffsetDateTime.now()));
        TestKafka.publish(Topics.CATALOG_EPISODE_V1, id.toString(), new CloudEvent(UUID.randomUUID(), "/catalog", EpisodeChanged.TYPE,
                OffsetDateTime.now(), tenant, id.toString(), "{\"id\":\"nope\"}".getBytes(StandardCharsets.UTF_8)));
        publish(new EpisodeChanged(id, tenant, UUID.randomUUID(), "g", "t", "https://a.example/v1.mp3", null, null, null, null, null, false, 1,
                OffsetDateTime.now()));
        UUID marker = UUID.randomUUID();
        publish(new EpisodeChanged(marker, tenant, UUID.randomUUID(), "g", "t", "https://a.example/m.mp3", null, null, null, null, null, false, 1,
                OffsetDateTime.now()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(TestDatabase.as("ingest_app").countInTenant(tenant,
                "SELECT 1 FROM ingest.episode_enclosure WHERE episode_id = ?", marker)).isEqualTo(1));
        assertThat(TestDatabase.as("ingest_app").countInTenant(tenant,
                "SELECT 1 FROM ingest.episode_enclosure WHERE episode_id = ? AND enclosure_url LIKE '%v2.mp3'", id)).isEqualTo(1);
    }

    private static void publish(EpisodeChanged episode) {
        // same key as the catalog uses, so order holds
        TestKafka.publish(Topics.CATALOG_EPISODE_V1, episode.id().toString(), new CloudEvent(UUID.randomUUID(), "/catalog",
                EpisodeChanged.TYPE, OffsetDateTime.now(), episode.tenantId(), episode.id().toString(), EventJson.write(episode)));
    }
}
