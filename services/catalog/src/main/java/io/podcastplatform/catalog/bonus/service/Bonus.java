package io.podcastplatform.catalog.bonus.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A bonus delivered to buyers through an affiliate campaign (seed 004); the campaign is commerce's, named by id. */
public record Bonus(UUID id, UUID tenantId, UUID campaignId, String name, String description, String fileUrl, String deliveryMethod,
                    boolean active, String metadata, int deliveredCount, OffsetDateTime lastDeliveredAt, OffsetDateTime createdAt,
                    OffsetDateTime updatedAt) {
}
