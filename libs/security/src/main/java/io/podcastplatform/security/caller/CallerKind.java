package io.podcastplatform.security.caller;

public enum CallerKind {
    /** A person signed in through Keycloak, acting within their tenant. */
    USER,
    /** A platform administrator signed in through Keycloak; belongs to no tenant. */
    PLATFORM_ADMIN,
    /** A server holding a tenant's secret key. */
    SECRET_KEY,
    /** A pixel or SDK holding a tenant's publishable write key. */
    WRITE_KEY
}
