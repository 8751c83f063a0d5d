package io.podcastplatform.catalog.content.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A series (course) grouping content in order, sellable as a bundle (seed 002). */
public record Series(UUID id, UUID tenantId, String creatorId, String title, String slug, String description, String thumbnailUrl,
                     BigDecimal price, List<UUID> contentOrder, String status, OffsetDateTime publishedAt, long version,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
