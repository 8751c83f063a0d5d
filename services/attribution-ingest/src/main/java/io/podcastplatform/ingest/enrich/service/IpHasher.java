package io.podcastplatform.ingest.enrich.service;

import io.podcastplatform.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes client addresses so raw IPs are never stored or published. Keys are derived, never stored:
 * <ul>
 * <li>the address hash uses a per-tenant, per-UTC-day key {@code HMAC(secret, tenantId + ":" + yyyy-mm-dd)},
 * so it counts unique listeners of a day and nobody can link one day's hashes to another's;</li>
 * <li>the household hash uses a per-tenant key that changes once per rotation period
 * {@code HMAC(secret, "household:" + tenantId + ":" + period)}, period = epoch day / period length in days,
 * so every replica agrees on the boundaries and IAB windows crossing midnight and attribution windows of
 * up to 60 days see one household; a window spanning a period boundary sees a new household.</li>
 * </ul>
 * Changing {@code ingest.client.ip-hash-secret} rotates every key at once.
 */
@ApplicationScoped
public class IpHasher {

    private static final String HMAC = "HmacSHA256";
    private static final int MAX_CACHED_KEYS = 4096;
    /** Mac.getInstance looks the provider up on every call (a visible share of the hot path); a Mac is not thread-safe. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    });

    private final byte[] secret;
    private final long householdPeriodDays;
    /**
     * Derived keys by context (tenant and day, or tenant and period): only a few are live at a time, and
     * deriving them for every event was half of the hot path's HMAC work (profiled under bench/run.sh).
     */
    private final Map<String, byte[]> keys = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_CACHED_KEYS;
        }
    });

    public IpHasher(IngestConfig config) {
        this.secret = config.client().ipHashSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 16) {
            throw new IllegalStateException("ingest.client.ip-hash-secret must have at least 16 characters");
        }
        Duration rotation = config.client().householdHashRotation();
        if (rotation.toDays() < 1 || !rotation.equals(Duration.ofDays(rotation.toDays()))) {
            throw new IllegalStateException("ingest.client.household-hash-rotation must be a whole number of days, at least one");
        }
        this.householdPeriodDays = rotation.toDays();
    }

    /** The hash of the full address, keyed by tenant and UTC day. */
    public String hash(UUID tenantId, LocalDate day, InetAddress address) {
        return hmacHex(key(tenantId + ":" + day), address.getAddress());
    }

    /**
     * The hash of the household part (an IPv4 address as is, an IPv6 address cut to its /64), keyed by
     * tenant and the rotation period holding {@code day}.
     */
    public String householdHash(UUID tenantId, LocalDate day, InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            bytes = Arrays.copyOf(bytes, 8);
        }
        return hmacHex(key("household:" + tenantId + ":" + householdPeriod(day)), bytes);
    }

    /** The household rotation period holding {@code day}: periods start at the epoch, so replicas agree. */
    public long householdPeriod(LocalDate day) {
        return Math.floorDiv(day.toEpochDay(), householdPeriodDays);
    }

    public static LocalDate utcDay(java.time.OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private byte[] key(String context) {
        return keys.computeIfAbsent(context, c -> hmac(secret, c.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hmacHex(byte[] key, byte[] data) {
        return HexFormat.of().formatHex(hmac(key, data));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
