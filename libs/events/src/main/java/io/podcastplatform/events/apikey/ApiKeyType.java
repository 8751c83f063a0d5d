package io.podcastplatform.events.apikey;

/**
 * Write keys are publishable (they sit in pixels and SDKs and may only send events); secret keys read
 * and manage the tenant's data server to server and must never reach a browser.
 */
public enum ApiKeyType {
    WRITE("pk_"),
    SECRET("sk_");

    private final String prefix;

    ApiKeyType(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
