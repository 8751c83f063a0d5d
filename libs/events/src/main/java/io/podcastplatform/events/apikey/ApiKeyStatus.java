package io.podcastplatform.events.apikey;

public enum ApiKeyStatus {
    ACTIVE,
    REVOKED
}
