package io.podcastplatform.catalog.content.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A piece of content a tenant sells or shows (seed 002): video, audio or written. */
public record Content(
        UUID id, UUID tenantId, String creatorId, String title, String slug, String description, String contentType,
        String mediaUrl, Integer mediaDurationSeconds, String thumbnailUrl, String body, String category, List<String> tags,
        UUID seriesId, String visibility, BigDecimal price, String status, OffsetDateTime publishedAt, int viewCount,
        int purchaseCount, List<UUID> prerequisiteContentIds, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** What may not be published as it is, as field and reason; null when it may be. */
    public String[] unpublishable() {
        if (!"published".equals(status)) {
            return null;
        }
        if (("video".equals(contentType) || "audio".equals(contentType)) && (mediaUrl == null || mediaUrl.isBlank())) {
            return new String[] {"mediaUrl", "is required to publish " + contentType + " content"};
        }
        if ("written".equals(contentType) && (body == null || body.isBlank())) {
            return new String[] {"body", "is required to publish written content"};
        }
        return null;
    }
}
