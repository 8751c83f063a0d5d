package io.podcastplatform.identity.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.Topics;
import io.podcastplatform.testing.RealStack;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The relay's promises: nothing committed is lost, and the topics exist with the settings of the events lib. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class OutboxRelayIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anEventCommittedByAProcessThatDiedBeforePublishingIsPublishedByTheRelay() {
        UUID tenant = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = "{\"id\":\"" + tenant + "\",\"slug\":\"t-" + tenant.toString().substring(0, 8)
                + "\",\"name\":\"Orphan\",\"status\":\"ACTIVE\",\"tier\":\"starter\",\"version\":1,\"updatedAt\":\"2026-11-22T00:00:00Z\"}";
        try (TestKafka.Watch watch = TestKafka.watch(Topics.IDENTITY_TENANT_V1)) {
            // what a crashed instance leaves behind: a committed row that no relay has published yet
            assertThat(TestDatabase.as("identity_app").attempt("""
                    INSERT INTO identity.outbox_event (id, topic, message_key, source, type, tenant_id, subject, occurred_at, payload)
                    VALUES ('%s', 'identity.tenant.v1', '%s', '/identity', 'io.podcastplatform.identity.tenant.changed', '%s', '%s', now(), '%s')
                    """.formatted(eventId, tenant, tenant, tenant, payload))).isNull();

            ConsumerRecord<String, byte[]> record = watch.await(r -> tenant.toString().equals(r.key()), WAIT)
                    .orElseThrow(() -> new AssertionError("the orphaned outbox row was never published"));

            assertThat(CloudEvent.fromRecord(record.headers(), record.value()).id()).isEqualTo(eventId);
        }
        assertThat(TestDatabase.as("identity_app").single(
                "SELECT published_at IS NOT NULL FROM identity.outbox_event WHERE id = ?", eventId)).isEqualTo(true);
    }

    @Test
    void theTenantTopicIsCompactedWithItsPartitions() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.KAFKA_BOOTSTRAP_SERVERS))) {
            TopicDescription topic = admin.describeTopics(java.util.List.of(Topics.IDENTITY_TENANT_V1))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get(Topics.IDENTITY_TENANT_V1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.IDENTITY_TENANT_V1);
            String cleanup = admin.describeConfigs(java.util.List.of(resource)).all().get(30, TimeUnit.SECONDS)
                    .get(resource).get("cleanup.policy").value();

            assertThat(topic.partitions()).hasSize(Topics.IDENTITY_TENANT.partitions());
            assertThat(cleanup).isEqualTo("compact");
        }
    }
}
