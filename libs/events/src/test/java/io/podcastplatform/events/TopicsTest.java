package io.podcastplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicFollowsTheNamingRuleAndHasASchemaWithValidExamples() {
        for (TopicSpec topic : Topics.ALL) {
            assertThat(EventSchemas.examples(topic.name())).as("examples of %s", topic.name()).isNotEmpty();
            EventSchemas.examples(topic.name()).forEach(example ->
                    assertThat(EventSchemas.violations(topic.name(), example)).as("%s example %s", topic.name(), example).isEmpty());
        }
    }

    @Test
    void namesOutsideTheConventionAreRefused() {
        assertThatThrownBy(() -> new TopicSpec("tenants", 1, true)).hasMessageContaining("<owner>.<entity>.v<N>");
        assertThatThrownBy(() -> new TopicSpec("identity.tenant.v0", 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TopicSpec("attribution-ingest.dead-letter.v2", 1, false).owner()).isEqualTo("attribution-ingest");
    }

    @Test
    void aTopicIsCreatedWithItsPartitionsAndReferenceDataCompacted() {
        org.apache.kafka.clients.admin.NewTopic tenants = Topics.IDENTITY_TENANT.newTopic((short) 3);
        org.apache.kafka.clients.admin.NewTopic listens = Topics.INGEST_LISTENER_EVENT.newTopic((short) 1);

        assertThat(tenants.name()).isEqualTo(Topics.IDENTITY_TENANT_V1);
        assertThat(tenants.numPartitions()).isEqualTo(Topics.IDENTITY_TENANT.partitions());
        assertThat(tenants.replicationFactor()).isEqualTo((short) 3);
        assertThat(tenants.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(listens.numPartitions()).isEqualTo(12);
        assertThat(listens.configs()).as("no settings beyond the broker's defaults").isNull();
    }

    @Test
    void unknownTopicsAreRefused() {
        assertThatThrownBy(() -> Topics.spec("nobody.nothing.v1")).hasMessageContaining("unknown topic");
    }
}
