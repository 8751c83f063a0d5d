package io.podcastplatform.messaging.topics;

import io.podcastplatform.events.TopicSpec;
import io.podcastplatform.events.Topics;
import io.podcastplatform.messaging.MessagingConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Creates the topics this service owns or consumes with the partitions and clean-up policy the events
 * lib gives them, before any channel starts, so a compacted reference topic is never auto-created as a
 * plain one-partition topic by whichever client touches it first (consumers never auto-create topics). Creation is idempotent; an unreachable broker is logged and left to
 * readiness, which reports Kafka down.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final MessagingConfig config;
    private final Map<String, Object> kafkaConfig;

    public TopicProvisioner(MessagingConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    /** Before the messaging channels start (priority 1000), so no consumer meets a missing topic. */
    void onStart(@Observes @Priority(100) StartupEvent start) {
        Set<String> names = new TreeSet<>(config.topics().owned().orElse(List.of()));
        names.addAll(consumedTopics());
        if (!config.topics().provision() || names.isEmpty()) {
            return;
        }
        try {
            ensure(names.stream().map(Topics::spec).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("could not provision topics %s: %s", names, e.toString());
        }
    }

    /** Platform topics named by this service's incoming channels ({@code mp.messaging.incoming.<channel>.topic}). */
    private static Set<String> consumedTopics() {
        Config mpConfig = ConfigProvider.getConfig();
        Set<String> topics = new TreeSet<>();
        for (String property : mpConfig.getPropertyNames()) {
            if (property.startsWith("mp.messaging.incoming.") && property.endsWith(".topic")) {
                mpConfig.getOptionalValue(property, String.class)
                        .filter(topic -> Topics.ALL.stream().anyMatch(spec -> spec.name().equals(topic)))
                        .ifPresent(topics::add);
            }
        }
        return topics;
    }

    public void ensure(List<TopicSpec> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Object> adminConfig = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                adminConfig.put(key, value);
            }
        });
        try (AdminClient admin = AdminClient.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> topic.newTopic(config.topics().replicationFactor()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        }
    }
}
