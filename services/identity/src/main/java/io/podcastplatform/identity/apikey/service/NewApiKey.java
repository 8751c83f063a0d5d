package io.podcastplatform.identity.apikey.service;

import io.podcastplatform.events.apikey.ApiKeyType;
import java.time.OffsetDateTime;
import java.util.List;

/** A validated request for a key. */
public record NewApiKey(String name, ApiKeyType type, List<String> scopes, OffsetDateTime expiresAt, Integer rateLimitPerHour) {
}
