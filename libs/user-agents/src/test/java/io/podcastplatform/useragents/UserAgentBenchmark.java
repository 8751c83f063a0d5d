package io.podcastplatform.useragents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rough throughput check (not a test; not run by Maven). Run from the repository root:
 *
 * <pre>
 * ./mvnw -B -q -f libs/user-agents/pom.xml test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
 * java -cp libs/user-agents/target/classes:libs/user-agents/target/test-classes:$(cat libs/user-agents/target/classpath.txt) \
 *     io.podcastplatform.useragents.UserAgentBenchmark
 * </pre>
 *
 * <p>Corpus: every {@code examples} string of the User-Agent files and devices.json of the bundled
 * lists, plus a few common real-world User-Agents. "Cold" classifies distinct User-Agents with the
 * cache disabled (every call matches the patterns); "warm" classifies the same corpus repeatedly with
 * the default cache.
 */
public final class UserAgentBenchmark {

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        PatternSet set = PatternSetLoader.loadBundled();
        List<String> corpus = corpus(set);
        System.out.printf(Locale.ROOT, "data: %s%n", set.version().describe());
        System.out.printf(Locale.ROOT, "corpus: %d distinct User-Agents; %d CPUs; %s%n", corpus.size(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"));

        long t0 = System.nanoTime();
        PatternSet loaded = PatternSetLoader.loadBundled();
        new UserAgentClassifier(loaded);
        System.out.printf(Locale.ROOT, "load + compile bundled set (second load, JIT warm): %.0f ms%n", (System.nanoTime() - t0) / 1e6);

        UserAgentClassifier uncached = new UserAgentClassifier(set, 0, UserAgentClassifier.DEFAULT_MAX_LENGTH);
        run("cold (cache off, example corpus)", uncached, corpus, seconds / 2, true);
        run("cold (cache off, example corpus)", uncached, corpus, seconds, false);

        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            unknown.add("SomeUnlistedPlayer/" + i + ".0 (Linux; Android 13; Pixel 7) build/" + (i * 7919));
        }
        run("cold worst case (UNKNOWN: every pattern tried)", uncached, unknown, seconds, false);

        UserAgentClassifier cached = new UserAgentClassifier(set);
        run("warm (cache on, repeated corpus)", cached, corpus, seconds / 2, true);
        run("warm (cache on, repeated corpus)", cached, corpus, seconds, false);
        System.out.println("cache: " + cached.cacheStats());
        runThreads("warm, 2 threads", cached, corpus, seconds, 2);
        runThreads("cold, 2 threads", uncached, corpus, seconds, 2);
    }

    static List<String> corpus(PatternSet set) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (PatternFile f : List.of(PatternFile.BOTS, PatternFile.APPS, PatternFile.LIBRARIES, PatternFile.BROWSERS,
                PatternFile.DEVICES)) {
            for (PatternEntry e : set.entries(f)) {
                out.addAll(e.examples());
            }
        }
        out.add("AppleCoreMedia/1.0.0.20G75 (iPhone; U; CPU OS 16_6 like Mac OS X; en_us)");
        out.add("Podcasts/1650.20 CFNetwork/1404.0.5 Darwin/22.3.0");
        out.add("Spotify/8.8.56 iOS/17.1.1 (iPhone15,3)");
        out.add("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");
        return new ArrayList<>(out);
    }

    private static void run(String label, UserAgentClassifier c, List<String> uas, double seconds, boolean warmup) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        long start = System.nanoTime();
        int sink = 0;
        while (System.nanoTime() < deadline) {
            for (String ua : uas) {
                sink += c.classify(ua, null).kind().ordinal();
            }
            n += uas.size();
        }
        double s = (System.nanoTime() - start) / 1e9;
        if (!warmup) {
            System.out.printf(Locale.ROOT, "%-50s %,12.0f classifications/s (%.1f µs each) [%d]%n", label, n / s,
                    s * 1e6 / n, sink & 1);
        }
    }

    private static void runThreads(String label, UserAgentClassifier c, List<String> uas, double seconds, int threads)
            throws InterruptedException {
        long[] counts = new long[threads];
        Thread[] ts = new Thread[threads];
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                long n = 0;
                int offset = id * 97;
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < uas.size(); i++) {
                        c.classify(uas.get((i + offset) % uas.size()), null);
                    }
                    n += uas.size();
                }
                counts[id] = n;
            });
            ts[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            ts[t].join();
            total += counts[t];
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-50s %,12.0f classifications/s total%n", label, total / s);
    }
}
