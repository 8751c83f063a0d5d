package io.podcastplatform.events.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How API keys look and are hashed. A key is its type's prefix and 40 base-62 characters (238 bits from
 * a CSPRNG); only its SHA-256 travels and is stored, which is safe for random keys of that strength and
 * fast enough for every request. The display prefix (the first 12 characters) identifies a key in lists.
 */
public final class ApiKeySecrets {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM_LENGTH = 40;
    private static final int DISPLAY_PREFIX_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String generate(ApiKeyType type) {
        StringBuilder key = new StringBuilder(type.prefix());
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    /** Lower-case hex SHA-256 of the whole key: what identity stores and publishes. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, key.length()));
    }

    /** The type a presented key claims by its prefix, if it is shaped like a key at all. */
    public static Optional<ApiKeyType> typeOf(String presented) {
        if (presented == null || presented.length() != 3 + RANDOM_LENGTH) {
            return Optional.empty();
        }
        for (int i = 3; i < presented.length(); i++) {
            char c = presented.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return Optional.empty();
            }
        }
        for (ApiKeyType type : ApiKeyType.values()) {
            if (presented.startsWith(type.prefix())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
