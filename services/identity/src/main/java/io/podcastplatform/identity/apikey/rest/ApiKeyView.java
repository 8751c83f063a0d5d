package io.podcastplatform.identity.apikey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.podcastplatform.identity.apikey.service.ApiKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** An API key as the API shows it; {@code key} is present only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(UUID id, String name, String type, String prefix, String key, List<String> scopes, String status,
                         OffsetDateTime expiresAt, Integer rateLimitPerHour, OffsetDateTime lastUsedAt,
                         OffsetDateTime createdAt, OffsetDateTime revokedAt) {

    static ApiKeyView of(ApiKey key, String secret) {
        return new ApiKeyView(key.id(), key.name(), key.type().name().toLowerCase(Locale.ROOT), key.prefix(), secret,
                key.scopes(), key.status().name().toLowerCase(Locale.ROOT), key.expiresAt(), key.rateLimitPerHour(),
                key.lastUsedAt(), key.createdAt(), key.revokedAt());
    }
}
