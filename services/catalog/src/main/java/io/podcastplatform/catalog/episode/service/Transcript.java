package io.podcastplatform.catalog.episode.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored transcript; {@code segmentsJson} is the JSON array of segments, or null. */
public record Transcript(UUID id, UUID episodeId, String language, String status, String source, String text,
                         String segmentsJson, int wordCount, Integer durationSeconds, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt) {
}
