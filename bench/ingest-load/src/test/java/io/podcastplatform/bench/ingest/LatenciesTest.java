package io.podcastplatform.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies(100);
        for (int ms = 100; ms >= 1; ms--) {
            latencies.record(ms * 1_000_000L);
        }

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void samplesHeldByTheCallerAreSummarisedAsRecordedOnes() {
        long[] nanos = {3_000_000L, 1_000_000L, 2_000_000L};
        Latencies latencies = Latencies.of(nanos);
        nanos[0] = 0;

        assertThat(latencies.count()).isEqualTo(3);
        assertThat(latencies.percentileMillis(50)).isEqualTo(2.0);
        assertThat(latencies.maxMillis()).isEqualTo(3.0);
    }

    @Test
    void noSamplesIsZeroNotAnError() {
        assertThat(new Latencies(10).percentileMillis(99)).isZero();
    }

    @Test
    void samplesPastTheCapacityAreDropped() {
        Latencies latencies = new Latencies(2);
        latencies.record(1);
        latencies.record(2);
        latencies.record(3);

        assertThat(latencies.count()).isEqualTo(2);
    }
}
