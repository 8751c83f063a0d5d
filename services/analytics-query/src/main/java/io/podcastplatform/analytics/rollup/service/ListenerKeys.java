package io.podcastplatform.analytics.rollup.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A listener (address hash and User-Agent) as the 64-bit number the unique-listener rollup stores: the first
 * eight bytes of its SHA-256. Distinct counts over numbers are much cheaper than over strings; two listeners
 * share a number with a probability of about n² / 2⁶⁵ (under 3 in a million for 10 million listeners).
 */
public final class ListenerKeys {

    private ListenerKeys() {
    }

    public static long of(String listener) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(listener.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
