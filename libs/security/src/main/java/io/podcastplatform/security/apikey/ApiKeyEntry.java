package io.podcastplatform.security.apikey;

import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.events.apikey.ApiKeyType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a service knows locally about an API key. */
public record ApiKeyEntry(UUID keyId, UUID tenantId, String prefix, ApiKeyType type, List<String> scopes,
                          ApiKeyStatus status, OffsetDateTime expiresAt, Integer rateLimitPerHour) {

    public boolean usableAt(OffsetDateTime now) {
        return status == ApiKeyStatus.ACTIVE && (expiresAt == null || expiresAt.isAfter(now));
    }
}
