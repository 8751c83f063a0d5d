package io.podcastplatform.identity.audit.service;

import java.time.OffsetDateTime;
import java.util.UUID;

public record AuditEntry(UUID id, UUID tenantId, OffsetDateTime occurredAt, String actorId, String actorKind, String action,
                         String resourceType, String resourceId, String requestId, String requestMethod, String requestPath,
                         int responseStatus, boolean success, String ipAddress, String userAgent) {
}
