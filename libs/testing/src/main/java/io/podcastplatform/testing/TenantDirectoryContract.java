package io.podcastplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.tenant.TenantChanged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of the {@code identity.tenant.v1} contract, for every service that keeps a tenant
 * directory: the schema's examples are applied, redeliveries and stale versions change nothing, and a
 * record that can never be applied does not block the ones behind it.
 */
public abstract class TenantDirectoryContract {

    protected abstract String schema();

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everySchemaExampleIsAppliedToTheDirectory() {
        for (JsonNode example : EventSchemas.examples(Topics.IDENTITY_TENANT_V1)) {
            ObjectNode tenant = ((ObjectNode) example.deepCopy());
            UUID id = UUID.randomUUID();
            tenant.put("id", id.toString()).put("slug", "t-" + id.toString().substring(0, 8));

            publish(id, EventJson.write(tenant));

            awaitRow(id, row -> {
                assertThat(row.get("slug")).isEqualTo(tenant.get("slug").asText());
                assertThat(row.get("status")).isEqualTo(tenant.get("status").asText());
                assertThat(((Number) row.get("version")).longValue()).isEqualTo(tenant.get("version").asLong());
            });
        }
    }

    @Test
    void redeliveredAndStaleVersionsChangeNothingAndNewerOnesWin() {
        UUID id = UUID.randomUUID();
        String slug = "t-" + id.toString().substring(0, 8);
        publish(id, EventJson.write(tenant(id, slug, "ACTIVE", 2)));
        awaitRow(id, row -> assertThat(row.get("version")).isEqualTo(2L));

        publish(id, EventJson.write(tenant(id, slug, "ACTIVE", 2)));
        publish(id, EventJson.write(tenant(id, slug, "CANCELLED", 1)));
        publish(id, EventJson.write(tenant(id, slug, "SUSPENDED", 3)));

        awaitRow(id, row -> {
            assertThat(row.get("version")).isEqualTo(3L);
            assertThat(row.get("status")).isEqualTo("SUSPENDED");
        });
        assertThat(TestDatabase.as(schema() + "_app").single(
                "SELECT count(*) FROM " + schema() + ".tenant_directory WHERE tenant_id = ?", id)).isEqualTo(1L);
    }

    @Test
    void anUnusableRecordIsSkippedAndTheNextOneOnThePartitionIsApplied() {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        sendRaw(key, "{\"no\":\"envelope\"}".getBytes(StandardCharsets.UTF_8), List.of());
        ObjectNode offSchema = (ObjectNode) EventJson.mapper().valueToTree(tenant(id, "t-" + key.substring(0, 8), "ACTIVE", 1));
        offSchema.put("status", "DELETED");
        publish(id, EventJson.write(offSchema));

        publish(id, EventJson.write(tenant(id, "t-" + key.substring(0, 8), "ACTIVE", 1)));

        awaitRow(id, row -> assertThat(row.get("status")).isEqualTo("ACTIVE"));
    }

    private static TenantChanged tenant(UUID id, String slug, String status, long version) {
        return new TenantChanged(id, slug, "Tenant " + slug, io.podcastplatform.events.tenant.TenantStatus.valueOf(status),
                "starter", version, OffsetDateTime.now());
    }

    private static void publish(UUID tenantId, byte[] data) {
        CloudEvent event = new CloudEvent(UUID.randomUUID(), "/identity", TenantChanged.TYPE, OffsetDateTime.now(), tenantId,
                tenantId.toString(), data);
        TestKafka.publish(Topics.IDENTITY_TENANT_V1, tenantId.toString(), event);
    }

    private static void sendRaw(String key, byte[] value, List<org.apache.kafka.common.header.Header> headers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.KAFKA_BOOTSTRAP_SERVERS,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topics.IDENTITY_TENANT_V1, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitRow(UUID id, java.util.function.Consumer<Map<String, Object>> expectation) {
        TestDatabase db = TestDatabase.as(schema() + "_app");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<Map<String, Object>> rows = db.query("SELECT slug, status, version FROM " + schema() + ".tenant_directory WHERE tenant_id = ?", id);
            assertThat(rows).hasSize(1);
            expectation.accept(rows.get(0));
        });
    }
}
