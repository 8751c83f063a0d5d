package io.podcastplatform.security.caller;

/** Names of the SecurityIdentity attributes the security lib sets. */
public final class CallerAttributes {

    public static final String CALLER = "platform.caller";

    private CallerAttributes() {
    }
}
