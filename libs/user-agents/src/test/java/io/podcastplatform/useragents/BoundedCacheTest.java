package io.podcastplatform.useragents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void evictsTheLeastRecentlyUsed() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(3);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        assertThat(cache.get("a")).isEqualTo(1);
        cache.put("d", 4);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("d")).isEqualTo(4);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.hits()).isEqualTo(3);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(10_000);
        for (int i = 0; i < 100_000; i++) {
            cache.put(i, i);
        }
        assertThat(cache.capacity()).isEqualTo(10_000);
        assertThat(cache.size()).isLessThanOrEqualTo(10_000).isGreaterThan(9_000);
    }

    @Test
    void rejectsANonPositiveCapacity() {
        assertThatThrownBy(() -> new BoundedCache<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
