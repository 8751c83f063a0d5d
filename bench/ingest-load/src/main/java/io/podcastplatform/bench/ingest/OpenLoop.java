package io.podcastplatform.bench.ingest;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Open loop at a fixed rate: request {@code i} is due at {@code start + i / rate}; latency is measured
 * from that intended time, not from when a worker got round to sending it, so a stall of the service
 * shows up in every request it delayed (no coordinated omission). Many idle workers keep the schedule
 * even when some requests hang. Each worker sends over its own keep-alive connection with a minimal
 * HTTP/1.1 client ({@link KeepAliveConnection}): the JDK's {@code HttpClient} allocated about 25 KB per
 * request, and the generator's own GC pauses (80-190 ms on the shared 2-core box) counted against the service.
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
        int workers = (int) options.number("workers", 128);
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
            schedule(target, path, rate, (long) rate * warmupSeconds, workers, 1_000_000_000L, new Latencies(0), new ConcurrentHashMap<>());
        }
        long total = (long) rate * seconds;
        Latencies latencies = new Latencies((int) total);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        long elapsed = schedule(target, path, rate, total, workers, 0, latencies, statuses);

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

    /** Sends {@code total} requests on schedule; the nanoseconds from the first due time to the last answer. */
    private static long schedule(URI target, LongFunction<String> path, int rate, long total, int workers, long indexOffset,
                                 Latencies latencies, Map<Integer, LongAdder> statuses) throws InterruptedException {
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
                        latencies.record(System.nanoTime() - due);
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
