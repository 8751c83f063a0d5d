package io.podcastplatform.identity.audit.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A refused credential or a denied access; {@code credential} is a key's display prefix, never a secret. */
public record SecurityEvent(UUID id, UUID tenantId, OffsetDateTime occurredAt, String eventType, String severity,
                            String actorId, String credential, String description, String requestId, String requestMethod,
                            String requestPath, String ipAddress, String userAgent) {
}
