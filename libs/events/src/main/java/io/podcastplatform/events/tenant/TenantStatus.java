package io.podcastplatform.events.tenant;

/** Lifecycle of a tenant. Only an active tenant may write; a suspended one can still read. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    CANCELLED;

    public boolean mayWrite() {
        return this == ACTIVE;
    }

    public boolean mayRead() {
        return this != CANCELLED;
    }
}
