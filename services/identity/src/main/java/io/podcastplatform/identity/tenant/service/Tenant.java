package io.podcastplatform.identity.tenant.service;

import io.podcastplatform.events.tenant.TenantStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

public record Tenant(UUID id, String slug, String name, TenantStatus status, String tier, long version,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
