package io.podcastplatform.events.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#IDENTITY_GRANT_V1}: every grant a member holds beyond
 * the system roles of their token (custom roles, team grants), keyed by user id. Each grant may expire;
 * consumers ignore expired ones. {@code version} grows with every change.
 */
public record GrantsChanged(UUID userId, UUID tenantId, List<UserGrant> grants, long version, OffsetDateTime updatedAt) {

    public static final String TYPE = "io.podcastplatform.identity.grants.changed";

    /** {@code resource:action}, until {@code expiresAt} when set. */
    public record UserGrant(String permission, OffsetDateTime expiresAt) {
    }
}
