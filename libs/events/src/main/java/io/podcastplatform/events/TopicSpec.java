package io.podcastplatform.events;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic of the platform with the settings its owner creates it with.
 *
 * @param name       {@code <owner>.<entity>.v<N>}
 * @param partitions partition count; ordering holds per key only, so keys are chosen per topic
 * @param compacted  reference data (latest value per key) rather than a stream of facts
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*")) {
            throw new IllegalArgumentException("topic name must be <owner>.<entity>.v<N>: " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
    }

    /** The topic as the admin client creates it: its partitions, compaction for reference data. */
    public NewTopic newTopic(short replicationFactor) {
        NewTopic topic = new NewTopic(name, partitions, replicationFactor);
        return compacted ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)) : topic;
    }

    /** The owning service's prefix, e.g. {@code identity} for {@code identity.tenant.v1}. */
    public String owner() {
        return name.substring(0, name.indexOf('.'));
    }
}
