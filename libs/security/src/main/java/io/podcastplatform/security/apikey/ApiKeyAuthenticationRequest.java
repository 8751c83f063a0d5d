package io.podcastplatform.security.apikey;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A presented API key, before it is checked. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[redacted]";
    }
}
