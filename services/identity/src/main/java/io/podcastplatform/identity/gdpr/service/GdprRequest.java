package io.podcastplatform.identity.gdpr.service;

import java.time.OffsetDateTime;
import java.util.UUID;

public record GdprRequest(UUID id, UUID tenantId, String type, String subjectType, String subjectId, String status,
                          String notes, String requestedBy, OffsetDateTime requestedAt, OffsetDateTime completedAt) {
}
