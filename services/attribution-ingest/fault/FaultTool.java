import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyChanged;
import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.events.tenant.TenantChanged;
import io.podcastplatform.events.tenant.TenantStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault script's client (run by fault/run.sh as a single-file program on the service's own class path):
 * <ul>
 * <li>{@code announce BOOTSTRAP} publishes a fresh tenant and a write key of it exactly as identity does
 * (same records as libs/testing TestTenants / TestApiKeys) and prints {@code tenantId slug writeKey};</li>
 * <li>{@code load BASE_URL WRITE_KEY SECONDS THREADS PREFIX OUT_DIR} posts batches of 50 track events with
 * unique message ids for SECONDS and writes the ids of every accepted event to OUT_DIR/accepted.txt and
 * those of refused batches (503, connection errors) to OUT_DIR/refused.txt; OUT_DIR/started appears when the first
 * batch is about to be sent.</li>
 * </ul>
 */
public final class FaultTool {

    private static final int BATCH = 50;
    private static final Pattern REJECTED_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "announce" -> announce(args[1]);
            case "load" -> load(URI.create(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5],
                    Path.of(args[6]));
            default -> throw new IllegalArgumentException("usage: announce BOOTSTRAP | load URL KEY SECONDS THREADS PREFIX DIR");
        }
    }

    private static void announce(String bootstrap) throws Exception {
        UUID tenant = UUID.randomUUID();
        String slug = "t-" + tenant.toString().substring(0, 13);
        String key = ApiKeySecrets.generate(ApiKeyType.WRITE);
        UUID keyId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        TenantChanged changed = new TenantChanged(tenant, slug, "Fault tenant " + slug, TenantStatus.ACTIVE, "starter", 1, now);
        ApiKeyChanged issued = new ApiKeyChanged(keyId, tenant, "fault key", ApiKeyType.WRITE, ApiKeySecrets.displayPrefix(key),
                ApiKeySecrets.hash(key), List.of("events:write"), ApiKeyStatus.ACTIVE, null, null, 1, now);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            send(producer, Topics.IDENTITY_TENANT_V1, tenant.toString(), new CloudEvent(UUID.randomUUID(), "/identity",
                    TenantChanged.TYPE, now, tenant, tenant.toString(), EventJson.write(changed)));
            send(producer, Topics.IDENTITY_API_KEY_V1, keyId.toString(), new CloudEvent(UUID.randomUUID(), "/identity",
                    ApiKeyChanged.TYPE, now, tenant, keyId.toString(), EventJson.write(issued)));
        }
        System.out.println(tenant + " " + slug + " " + key);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, CloudEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic, null, key, event.data(), event.toHeaders())).get(30, TimeUnit.SECONDS);
    }

    private static void load(URI base, String writeKey, int seconds, int threads, String prefix, Path out) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        URI batchUri = base.resolve("/v1/batch");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        Files.createDirectories(out);
        // the script times its fault from here, not from the JVM's start
        Files.writeString(out.resolve("started"), OffsetDateTime.now().toString());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < until) {
                    List<String> ids = new ArrayList<>(BATCH);
                    StringBuilder body = new StringBuilder("{\"batch\":[");
                    for (int i = 0; i < BATCH; i++) {
                        String id = prefix + "-" + sequence.incrementAndGet();
                        ids.add(id);
                        body.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"messageId\":\"").append(id)
                                .append("\",\"anonymousId\":\"fault-").append(worker).append("-").append(i % 7)
                                .append("\",\"event\":\"Fault Load\",\"properties\":{\"n\":").append(i).append("}}");
                    }
                    body.append("]}");
                    String outcome;
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(30))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        outcome = String.valueOf(response.statusCode());
                        if (response.statusCode() == 200) {
                            Set<String> rejected = new HashSet<>();
                            Matcher m = REJECTED_ID.matcher(response.body());
                            while (m.find()) {
                                rejected.add(m.group(1));
                            }
                            for (String id : ids) {
                                (rejected.contains(id) ? refused : accepted).add(id);
                            }
                        } else {
                            refused.addAll(ids);
                        }
                    } catch (IOException e) {
                        outcome = "connection-error";
                        refused.addAll(ids);
                        pause(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                    if (!"200".equals(outcome) && !"connection-error".equals(outcome)) {
                        pause(100);
                    }
                }
            });
            thread.start();
            workers.add(thread);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        write(out.resolve("accepted.txt"), accepted);
        write(out.resolve("refused.txt"), refused);
        System.out.println("batches by answer " + outcomes + "; events accepted " + accepted.size() + ", not accepted " + refused.size());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Path file, Set<String> ids) throws IOException {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file))) {
            ids.forEach(writer::println);
        }
    }
}
