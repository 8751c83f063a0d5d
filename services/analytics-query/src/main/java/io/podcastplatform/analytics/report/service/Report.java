package io.podcastplatform.analytics.report.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A saved report definition of one tenant. */
public record Report(UUID id, UUID tenantId, ReportDefinition definition, String createdBy, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt, long version) {
}
