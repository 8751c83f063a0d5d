package io.podcastplatform.catalog.sponsor.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An advertiser of a tenant (seed 000 fields). */
public record Sponsor(UUID id, UUID tenantId, String createdBy, String name, String company, String email, String contactName,
                      String websiteUrl, String logoUrl, String industry, long version, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt, OffsetDateTime deletedAt) {
}
