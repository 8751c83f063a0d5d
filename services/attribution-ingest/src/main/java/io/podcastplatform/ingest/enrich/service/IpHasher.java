package io.podcastplatform.ingest.enrich.service;

import io.podcastplatform.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes client addresses so raw IPs are never stored or published. The key is per tenant and per UTC
 * day: {@code HMAC(secret, tenantId + ":" + yyyy-mm-dd)}; it is derived, never stored, so once a day has
 * passed nobody can link that day's hashes to an address or to another day's (the IAB de-duplication
 * window is one day). Changing {@code ingest.client.ip-hash-secret} rotates every key at once.
 */
@ApplicationScoped
public class IpHasher {

    private static final String HMAC = "HmacSHA256";

    private final byte[] secret;

    public IpHasher(IngestConfig config) {
        this.secret = config.client().ipHashSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 16) {
            throw new IllegalStateException("ingest.client.ip-hash-secret must have at least 16 characters");
        }
    }

    /** The hash of the full address. */
    public String hash(UUID tenantId, LocalDate day, InetAddress address) {
        return hmacHex(dayKey(tenantId, day), address.getAddress());
    }

    /** The hash of the household part: an IPv4 address as is, an IPv6 address cut to its /64. */
    public String householdHash(UUID tenantId, LocalDate day, InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            bytes = Arrays.copyOf(bytes, 8);
        }
        return hmacHex(dayKey(tenantId, day), bytes);
    }

    public static LocalDate utcDay(java.time.OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private byte[] dayKey(UUID tenantId, LocalDate day) {
        return hmac(secret, (tenantId + ":" + day).getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacHex(byte[] key, byte[] data) {
        return HexFormat.of().formatHex(hmac(key, data));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
