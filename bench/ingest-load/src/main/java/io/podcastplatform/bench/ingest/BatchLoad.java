package io.podcastplatform.bench.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Batch throughput: {@code connections} threads post {@code /v1/batch} back to back (closed loop) until
 * {@code events} events were sent in batches of {@code batch-size} (or {@code max-seconds} passed, so a
 * run on a busy box stays short); then waits until every accepted
 * event is stored. Reports events/s accepted (HTTP 200, the answer's {@code accepted} count), latency
 * per request, and events/s persisted from the first accepted batch to the commit of the transaction that stored
 * the last event. That commit time comes from PostgreSQL ({@code track_commit_timestamp}); the counts that find out
 * whether all is stored run seconds apart (each costs PostgreSQL ~0.5 s at 300,000 rows), and taking the count that
 * saw the last row as the end made the pass 5-7.5 s longer than it was (2026-12-06). Without commit times, that
 * count is the end, and the report says so.
 */
final class BatchLoad {

    private BatchLoad() {
    }

    static void run(Options options) throws Exception {
        URI batchUri = URI.create(options.text("url") + "/v1/batch");
        String authorization = "Basic " + Base64.getEncoder().encodeToString((options.text("write-key") + ":").getBytes(StandardCharsets.UTF_8));
        UUID tenantId = UUID.fromString(options.text("tenant"));
        long events = options.number("events", 300_000);
        int batchSize = (int) options.number("batch-size", 500);
        int connections = (int) options.number("connections", 8);
        Duration persistTimeout = Duration.ofSeconds(options.number("persist-timeout-seconds", 120));
        BatchBodies bodies = new BatchBodies(options.text("run-id"), options.decimal("listener-share", 0.8));

        long requests = (events + batchSize - 1) / batchSize;
        // every body is written before the clock starts, as Kafka's ProducerPerformance reads its payloads first:
        // writing 500 events of JSON per request while sending took the generator ~20 µs of CPU per event, on the
        // cores the service was being measured on (2026-12-05)
        byte[][] requestBodies = new byte[(int) requests][];
        for (int r = 0; r < requests; r++) {
            long first = (long) r * batchSize;
            requestBodies[r] = bodies.batch(first, (int) Math.min(batchSize, events - first)).getBytes(StandardCharsets.UTF_8);
        }
        Latencies latencies = new Latencies((int) requests);
        AtomicLong nextRequest = new AtomicLong();
        LongAdder accepted = new LongAdder();
        AtomicLong firstAccept = new AtomicLong(Long.MAX_VALUE);
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();

        try (StoredRows stored = new StoredRows(options.text("jdbc-url"), options.text("db-user", "postgres"),
                options.text("db-password", "postgres"), tenantId)) {
            long storedBefore = stored.count();
            long start = System.nanoTime();
            Instant wallAtStart = Instant.now();
            long sendUntil = start + Duration.ofSeconds(options.number("max-seconds", 90)).toNanos();
            Thread[] workers = new Thread[connections];
            for (int w = 0; w < connections; w++) {
                workers[w] = new Thread(() -> {
                    try (KeepAliveConnection connection = new KeepAliveConnection(batchUri.getHost(), batchUri.getPort())) {
                        for (long r = nextRequest.getAndIncrement(); r < requests && System.nanoTime() < sendUntil;
                             r = nextRequest.getAndIncrement()) {
                            int size = (int) Math.min(batchSize, events - r * batchSize);
                            long sent = System.nanoTime();
                            KeepAliveConnection.Answer answer = connection.post(batchUri.getPath(), requestBodies[(int) r],
                                    "Content-Type: application/json", "Authorization: " + authorization);
                            long answered = System.nanoTime();
                            latencies.record(answered - sent);
                            if (answer.status() == 200) {
                                accepted.add(acceptedCount(answer.body(), size));
                                firstAccept.accumulateAndGet(answered, Math::min);
                            } else if (answer.status() < 0) {
                                failures.computeIfAbsent(answer.body(), k -> new LongAdder()).increment();
                            } else {
                                failures.computeIfAbsent("HTTP " + answer.status(), k -> new LongAdder()).increment();
                            }
                        }
                    }
                }, "batch-" + w);
                workers[w].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            long loadEnd = System.nanoTime();
            double loadSeconds = (loadEnd - start) / 1e9;
            long acceptedEvents = accepted.sum();
            long sentRequests = latencies.count();
            Results.note(String.format("batch: %d of %d requests of %d events over %d connections in %.1f s; failures %s", sentRequests,
                    requests, batchSize, connections, loadSeconds, failures));

            long expected = storedBefore + acceptedEvents;
            long deadline = loadEnd + persistTimeout.toNanos();
            long seen = stored.count();
            while (seen < expected && System.nanoTime() < deadline) {
                Thread.sleep(stored.pauseAfterCountMillis());
                seen = stored.count();
            }
            long lastSeen = System.nanoTime();
            long persisted = seen - storedBefore;
            double seenSeconds = (lastSeen - firstAccept.get()) / 1e9;
            Instant firstAcceptWall = wallAtStart.plusNanos(firstAccept.get() - start);
            Optional<Double> committedSeconds = acceptedEvents == 0 ? Optional.empty() : stored.lastCommit()
                    .map(committed -> Duration.between(firstAcceptWall, committed).toNanos() / 1e9);
            double persistSeconds = committedSeconds.orElse(seenSeconds);

            Results.note("persisted: " + stored.countingSummary());
            Results.print("batch_requests", latencies.count());
            Results.print("batch_failed_requests", failures.values().stream().mapToLong(LongAdder::sum).sum());
            Results.print("batch_events_accepted", acceptedEvents);
            Results.print("batch_load_seconds", loadSeconds);
            Results.print("batch_accepted_per_s", acceptedEvents / loadSeconds);
            Results.print("batch_p50_ms", latencies.percentileMillis(50));
            Results.print("batch_p99_ms", latencies.percentileMillis(99));
            Results.print("batch_max_ms", latencies.maxMillis());
            Results.print("batch_events_persisted", persisted);
            Results.print("batch_persist_complete", persisted >= acceptedEvents ? "yes" : "no");
            Results.print("batch_persist_seconds", persistSeconds);
            Results.print("batch_persist_end", committedSeconds.isPresent() ? "last commit" : "count that saw the last row");
            Results.print("batch_persisted_per_s", persisted / persistSeconds);
            Results.print("batch_persisted_seen_per_s", persisted / seenSeconds);
        }
    }

    /**
     * The {@code "accepted": n} of a 200 batch answer, without a JSON library; a batch with nothing refused
     * is answered {@code {"success": true}} alone, so then every event sent was accepted.
     */
    static long acceptedCount(String answer, int sent) {
        int at = answer.indexOf("\"accepted\"");
        if (at < 0) {
            return sent;
        }
        int i = answer.indexOf(':', at) + 1;
        while (i < answer.length() && Character.isWhitespace(answer.charAt(i))) {
            i++;
        }
        long value = 0;
        while (i < answer.length() && Character.isDigit(answer.charAt(i))) {
            value = value * 10 + (answer.charAt(i++) - '0');
        }
        return value;
    }
}
