package io.podcastplatform.security.apikey;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired (asynchronously, at most once a minute per key and instance) when a key authenticated a request,
 * for the service that keeps keys' last use.
 */
public record ApiKeyUsed(UUID keyId, UUID tenantId, OffsetDateTime at) {
}
