package io.podcastplatform.bench.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/**
 * Waits until the service's persisting consumer owns every partition of its topics ({@code --topics}). The bench starts
 * the service with a consumer group of its own that begins at the end of the topics (so it does not
 * replay what tests left there); events sent before the group got its partitions would be skipped.
 */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    static void awaitAssigned(Options options) throws Exception {
        String group = options.text("group");
        List<String> topics = List.of(options.text("topics").split(","));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.number("timeout-seconds", 60));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.text("bootstrap-servers", "127.0.0.1:9092")))) {
            int partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToInt(topic -> topic.partitions().size()).sum();
            while (true) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
                int assigned = description.members().stream().map(MemberDescription::assignment).mapToInt(a -> a.topicPartitions().size()).sum();
                if (assigned >= partitions) {
                    Results.note("consumer group " + group + " owns " + assigned + " partitions");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consumer group " + group + " owns " + assigned + " of " + partitions + " partitions");
                }
                Thread.sleep(500);
            }
        }
    }
}
