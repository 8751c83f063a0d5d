package io.podcastplatform.events.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantChangedContractTest {

    @Test
    void whatTheRecordWritesMatchesTheSchema() {
        TenantChanged changed = new TenantChanged(UUID.randomUUID(), "new-network", "New Network",
                TenantStatus.SUSPENDED, "enterprise", 3, OffsetDateTime.parse("2026-11-22T12:00:00Z"));

        JsonNode json = EventJson.tree(EventJson.write(changed));

        assertThat(EventSchemas.violations(Topics.IDENTITY_TENANT_V1, json)).isEmpty();
        assertThat(json.get("updatedAt").asText()).isEqualTo("2026-11-22T12:00:00Z");
    }

    @Test
    void everySchemaExampleReadsIntoTheRecord() {
        for (JsonNode example : EventSchemas.examples(Topics.IDENTITY_TENANT_V1)) {
            TenantChanged read = EventJson.read(EventJson.write(example), TenantChanged.class);
            assertThat(read.id()).hasToString(example.get("id").asText());
            assertThat(read.status().name()).isEqualTo(example.get("status").asText());
            assertThat(read.version()).isEqualTo(example.get("version").asLong());
        }
    }

    @Test
    void theSchemaRejectsAnUnknownStatusAndABadSlug() {
        ObjectNode bad = (ObjectNode) EventSchemas.examples(Topics.IDENTITY_TENANT_V1).get(0).deepCopy();
        bad.put("status", "DELETED");
        bad.put("slug", "Not A Slug");

        assertThat(EventSchemas.violations(Topics.IDENTITY_TENANT_V1, bad))
                .anySatisfy(v -> assertThat(v).contains("status"))
                .anySatisfy(v -> assertThat(v).contains("slug"));
    }
}
