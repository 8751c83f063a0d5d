package io.podcastplatform.events.tenant;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#IDENTITY_TENANT_V1}: the full current state of a tenant
 * after any change, keyed by its id. {@code version} grows with every change so a consumer can ignore
 * a state older than the one it holds.
 */
public record TenantChanged(
        UUID id, String slug, String name, TenantStatus status, String tier, long version, OffsetDateTime updatedAt) {

    public static final String TYPE = "io.podcastplatform.identity.tenant.changed";
}
