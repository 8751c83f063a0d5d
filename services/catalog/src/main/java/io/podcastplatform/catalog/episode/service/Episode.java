package io.podcastplatform.catalog.episode.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An episode; {@code podcasting20} and {@code adSlots} are JSON arrays as stored. */
public record Episode(
        UUID id, UUID tenantId, UUID podcastId, String guid, String title, String description, String audioUrl,
        Long enclosureLength, String enclosureType, Integer durationSeconds, OffsetDateTime publishDate, Integer seasonNumber,
        Integer episodeNumber, String episodeType, Boolean explicit, String imageUrl, String podcasting20,
        String transcriptStatus, String adSlots, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        OffsetDateTime deletedAt) {
}
