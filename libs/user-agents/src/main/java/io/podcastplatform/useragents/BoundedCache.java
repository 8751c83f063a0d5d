package io.podcastplatform.useragents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-capacity, thread-safe, least-recently-used map: lock-striped segments, each an
 * access-ordered {@link LinkedHashMap} guarded by its own lock. Capacity is split evenly across the
 * segments, so the total never exceeds it.
 */
final class BoundedCache<K, V> {

    private final Segment<K, V>[] segments;
    private final int mask;
    private final int capacity;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    @SuppressWarnings("unchecked")
    BoundedCache(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        int count = 1;
        while (count < 16 && count * 2 * 64 <= capacity) {
            count *= 2; // up to 16 segments, each of at least 64 entries
        }
        this.segments = new Segment[count];
        int perSegment = capacity / count;
        for (int i = 0; i < count; i++) {
            segments[i] = new Segment<>(perSegment);
        }
        this.mask = count - 1;
        this.capacity = perSegment * count;
    }

    V get(K key) {
        Segment<K, V> s = segmentFor(key);
        V v;
        synchronized (s) {
            v = s.get(key);
        }
        if (v == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return v;
    }

    void put(K key, V value) {
        Segment<K, V> s = segmentFor(key);
        synchronized (s) {
            s.put(key, value);
        }
    }

    int size() {
        int n = 0;
        for (Segment<K, V> s : segments) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    int capacity() {
        return capacity;
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    private Segment<K, V> segmentFor(K key) {
        int h = key.hashCode();
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        return segments[h & mask];
    }

    private static final class Segment<K, V> extends LinkedHashMap<K, V> {
        private final int max;

        Segment(int max) {
            super(Math.min(max, 1024) * 4 / 3 + 1, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > max;
        }
    }
}
