package io.podcastplatform.bench.ingest;

import java.util.Arrays;

/** Latency samples in nanoseconds, recorded from many threads, summarised once the run is over. */
final class Latencies {

    private final long[] samples;
    private int size;

    Latencies(int capacity) {
        this(new long[capacity], 0);
    }

    private Latencies(long[] samples, int size) {
        this.samples = samples;
        this.size = size;
    }

    /** The samples a caller already holds, one per element (the open loop stores each request's at its index). */
    static Latencies of(long[] nanos) {
        return new Latencies(nanos.clone(), nanos.length);
    }

    synchronized void record(long nanos) {
        if (size < samples.length) {
            samples[size++] = nanos;
        }
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile ({@code 0 < p <= 100}) in milliseconds; 0 without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1_000_000.0;
    }

    synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, samples[i]);
        }
        return max / 1_000_000.0;
    }
}
