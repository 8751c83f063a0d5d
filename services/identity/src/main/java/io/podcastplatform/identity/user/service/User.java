package io.podcastplatform.identity.user.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A member of a tenant; {@code id} is the Keycloak user id (the {@code sub} of their tokens). */
public record User(UUID id, UUID tenantId, String email, String firstName, String lastName, String status,
                   String invitedBy, OffsetDateTime createdAt, OffsetDateTime lastLoginAt) {
}
