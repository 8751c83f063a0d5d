package io.podcastplatform.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Open loop at a fixed rate: request {@code i} is due at {@code start + i / rate}; latency is measured
 * from that intended time, not from when a worker got round to sending it, so a stall of the service
 * shows up in every request it delayed (no coordinated omission). Sixteen workers (--workers) keep the schedule
 * at 2,000 requests/s of ~0.3 ms each; requests due while all of them wait are sent late and charged from their due
 * time. 128 workers, the earlier default, cost the generator's own scheduling more: against /q/health/live their p99
 * was 4.2-6.6 ms in four runs where 16 workers had 2.3-3.1 in three of four (62.7 in the other, with a 220 ms stall of
 * the box; 2026-12-06). Each worker sends over its own keep-alive connection with a minimal
 * HTTP/1.1 client ({@link KeepAliveConnection}): the JDK's {@code HttpClient} allocated about 25 KB per
 * request, and the generator's own GC pauses (80-190 ms on the shared 2-core box) counted against the service.
 * {@code --latency-log FILE} writes each measured request's due time and latency, to see when the slow ones came
 * (a few long stalls, or many short ones).
 */
final class OpenLoop {

    private static final String PLAYER_AGENT = "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4_1 like Mac OS X; en_us)";

    private OpenLoop() {
    }

    static void run(Options options) throws Exception {
        String name = options.text("name");
        String url = options.text("url");
        String kind = options.text("kind");
        int rate = (int) options.number("rate", 2000);
        int seconds = (int) options.number("seconds", 20);
        int warmupSeconds = (int) options.number("warmup-seconds", 3);
        int workers = (int) options.number("workers", 16);
        String runId = options.text("run-id");
        LongFunction<String> path = switch (kind) {
            case "pixel" -> i -> "/v1/pixel.gif?writeKey=" + options.text("write-key")
                    + "&e=page_view&url=https%3A%2F%2Fbench-show.example.com%2Fepisodes%2F" + (i % 50)
                    + "&ref=https%3A%2F%2Fwww.google.com%2F&utm_source=podcast&utm_medium=audio&utm_campaign=spring-launch&aid="
                    + runId + "-px-" + (BatchBodies.mix(i) % BatchBodies.LISTENERS);
            case "redirect" -> i -> "/v1/e/" + options.text("slug") + "/cdn.bench-show.example.com/audio/episode-" + (i % 50) + ".mp3";
            // the same server, the same generator, an endpoint that does next to nothing: the box's own tail
            case "liveness" -> i -> "/q/health/live";
            default -> throw new IllegalArgumentException("--kind must be pixel, redirect or liveness");
        };
        URI target = URI.create(url);
        if (warmupSeconds > 0) {
            schedule(target, path, rate, workers, 1_000_000_000L, new long[rate * warmupSeconds], new ConcurrentHashMap<>());
        }
        long total = (long) rate * seconds;
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        long[] byIndex = new long[(int) total];
        long elapsed = schedule(target, path, rate, workers, 0, byIndex, statuses);
        Latencies latencies = Latencies.of(byIndex);
        String latencyLog = options.text("latency-log", "");
        if (!latencyLog.isEmpty()) {
            writeLatencyLog(Path.of(latencyLog), byIndex, 1000.0 / rate);
        }

        Results.note(String.format("%s: %d requests at %d/s scheduled over %d s, took %.1f s; statuses %s", name, total, rate, seconds,
                elapsed / 1e9, statuses));
        long expectedStatus = "redirect".equals(kind) ? 302 : 200;
        long unexpected = statuses.entrySet().stream().filter(e -> e.getKey() != expectedStatus).mapToLong(e -> e.getValue().sum()).sum();
        Results.print(name + "_requests", total);
        Results.print(name + "_unexpected_answers", unexpected);
        Results.print(name + "_achieved_per_s", latencies.count() / (elapsed / 1e9));
        Results.print(name + "_p50_ms", latencies.percentileMillis(50));
        Results.print(name + "_p99_ms", latencies.percentileMillis(99));
        Results.print(name + "_max_ms", latencies.maxMillis());
    }

    /** One line per request in schedule order: its due time after the first (ms) and its latency (ms). */
    private static void writeLatencyLog(Path file, long[] byIndex, double periodMillis) throws IOException {
        StringBuilder lines = new StringBuilder(byIndex.length * 16);
        for (int i = 0; i < byIndex.length; i++) {
            lines.append(String.format(Locale.ROOT, "%.1f %.3f%n", i * periodMillis, byIndex[i] / 1e6));
        }
        Files.writeString(file, lines);
    }

    /**
     * Sends one request per element of {@code latencyByIndex} on schedule and stores each one's latency (ns) there; the
     * nanoseconds from the first due time to the last answer.
     */
    private static long schedule(URI target, LongFunction<String> path, int rate, int workers, long indexOffset, long[] latencyByIndex,
                                 Map<Integer, LongAdder> statuses) throws InterruptedException {
        long total = latencyByIndex.length;
        long periodNanos = 1_000_000_000L / rate;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection(target.getHost(), target.getPort())) {
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + i * periodNanos;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        int status = connection.get(path.apply(indexOffset + i), PLAYER_AGENT);
                        latencyByIndex[(int) i] = System.nanoTime() - due;
                        statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                    }
                }
            }, "open-loop-" + w);
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return System.nanoTime() - start;
    }
}
