package io.podcastplatform.testing;

import io.podcastplatform.events.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producing to and watching the real broker's topics, as another service would. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Publishes {@code event} as a CloudEvents binary-mode record and waits for the broker's acknowledgement. */
    public static void publish(String topic, String key, CloudEvent event) {
        publishAll(topic, key, List.of(event));
    }

    /**
     * Publishes {@code events} in order, all with {@code key} (so to one partition, where a consumer's poll finds them
     * together), and waits for every acknowledgement.
     */
    public static void publishAll(String topic, String key, List<CloudEvent> events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.KAFKA_BOOTSTRAP_SERVERS,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (CloudEvent event : events) {
                sent.add(producer.send(new ProducerRecord<>(topic, null, key, event.data(), event.toHeaders())));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic + " on " + RealStack.KAFKA_BOOTSTRAP_SERVERS, e);
        }
    }

    /**
     * Starts watching {@code topic} from its current end, so only records produced after this call are
     * seen; call it before the action under test.
     */
    public static Watch watch(String topic) {
        return new Watch(topic);
    }

    /** A consumer positioned at the end of every partition of one topic. */
    public static final class Watch implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        private Watch(String topic) {
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.KAFKA_BOOTSTRAP_SERVERS,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-watch-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = new ArrayList<>();
            Duration wait = Duration.ofSeconds(30);
            long deadline = System.nanoTime() + wait.toNanos();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(topic, wait).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** The first record, seen since the watch began, that satisfies {@code match}. */
        public Optional<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            do {
                Optional<ConsumerRecord<String, byte[]>> found = seen.stream().filter(match).findFirst();
                if (found.isPresent()) {
                    return found;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            } while (System.nanoTime() < deadline);
            return seen.stream().filter(match).findFirst();
        }

        /** Every record seen so far that satisfies {@code match}, after polling for {@code settle}. */
        public List<ConsumerRecord<String, byte[]>> all(Predicate<ConsumerRecord<String, byte[]>> match, Duration settle) {
            long deadline = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return seen.stream().filter(match).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
