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
    void unknownTopicsAreRefused() {
        assertThatThrownBy(() -> Topics.spec("nobody.nothing.v1")).hasMessageContaining("unknown topic");
    }
}
