package io.podcastplatform.identity.access.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A custom role given to a member, until {@code expiresAt} when set. */
public record RoleAssignment(UUID roleId, String roleName, List<String> permissions, String assignedBy,
                             OffsetDateTime assignedAt, OffsetDateTime expiresAt) {
}
