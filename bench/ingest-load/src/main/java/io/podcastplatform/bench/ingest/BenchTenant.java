package io.podcastplatform.bench.ingest;

import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyChanged;
import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.events.tenant.TenantChanged;
import io.podcastplatform.events.tenant.TenantStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A fresh tenant of one bench run and its write key, announced on {@code identity.tenant.v1} and
 * {@code identity.api-key.v1} with the records and envelope identity publishes, so the service's tenant
 * and key directories learn of them the real way and no demo tenant is disturbed.
 */
final class BenchTenant {

    private BenchTenant() {
    }

    static void create(Options options) throws Exception {
        UUID tenantId = UUID.randomUUID();
        String slug = "bench-" + tenantId.toString().substring(0, 13);
        String writeKey = ApiKeySecrets.generate(ApiKeyType.WRITE);
        UUID keyId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TenantChanged tenant = new TenantChanged(tenantId, slug, "Benchmark " + slug, TenantStatus.ACTIVE, "starter", 1, now);
        ApiKeyChanged key = new ApiKeyChanged(keyId, tenantId, "ingest benchmark", ApiKeyType.WRITE, ApiKeySecrets.displayPrefix(writeKey),
                ApiKeySecrets.hash(writeKey), List.of("events:write"), ApiKeyStatus.ACTIVE, null, null, 1, now);

        String bootstrapServers = options.text("bootstrap-servers", "127.0.0.1:9092");
        ensureTopics(bootstrapServers, List.of(Topics.IDENTITY_TENANT_V1, Topics.IDENTITY_API_KEY_V1));
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            send(producer, Topics.IDENTITY_TENANT_V1, tenantId.toString(),
                    new CloudEvent(UUID.randomUUID(), "/identity", TenantChanged.TYPE, now, tenantId, tenantId.toString(), EventJson.write(tenant)));
            send(producer, Topics.IDENTITY_API_KEY_V1, keyId.toString(),
                    new CloudEvent(UUID.randomUUID(), "/identity", ApiKeyChanged.TYPE, now, tenantId, keyId.toString(), EventJson.write(key)));
        }
        // shell-readable, for the driver script
        System.out.println("BENCH_TENANT_ID=" + tenantId);
        System.out.println("BENCH_TENANT_SLUG=" + slug);
        System.out.println("BENCH_WRITE_KEY=" + writeKey);
    }

    /**
     * Creates the identity topics as identity's provisioning would (partitions, compaction) when they are missing: on a
     * stack where identity never ran, the broker would otherwise create them on the first record with one partition,
     * which identity's own tests then find (OutboxRelayIT failed so after a bench run on a fresh stack, 2026-12-05).
     */
    private static void ensureTopics(String bootstrapServers, List<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            // one replica: the bench runs against the local single-broker stack
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> Topics.spec(name).newTopic((short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, CloudEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic, null, key, event.data(), event.toHeaders())).get(30, TimeUnit.SECONDS);
    }
}
