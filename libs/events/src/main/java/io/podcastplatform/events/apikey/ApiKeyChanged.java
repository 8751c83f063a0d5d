package io.podcastplatform.events.apikey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#IDENTITY_API_KEY_V1}: the current state of an API key,
 * keyed by its id. It carries the key's hash, never the key. {@code version} grows with every change.
 */
public record ApiKeyChanged(
        UUID id, UUID tenantId, String name, ApiKeyType type, String prefix, String keyHash, List<String> scopes,
        ApiKeyStatus status, OffsetDateTime expiresAt, Integer rateLimitPerHour, long version, OffsetDateTime updatedAt) {

    public static final String TYPE = "io.podcastplatform.identity.api-key.changed";
}
