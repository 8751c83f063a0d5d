package io.podcastplatform.identity.apikey.service;

import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.events.apikey.ApiKeyType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An API key as identity keeps it: the hash, never the key. */
public record ApiKey(UUID id, UUID tenantId, String name, ApiKeyType type, String prefix, String keyHash,
                     List<String> scopes, ApiKeyStatus status, OffsetDateTime expiresAt, Integer rateLimitPerHour,
                     OffsetDateTime lastUsedAt, String createdBy, OffsetDateTime createdAt, OffsetDateTime revokedAt,
                     long version) {
}
