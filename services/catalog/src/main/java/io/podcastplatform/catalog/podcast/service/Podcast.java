package io.podcastplatform.catalog.podcast.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A podcast and the state of its feed ingestion. {@code podcasting20} is the JSON of its channel's podcast: tags. */
public record Podcast(
        UUID id, UUID tenantId, String createdBy, String title, String description, String feedUrl, String websiteUrl,
        String imageUrl, String author, String language, String podcasting20, String ingestionStatus,
        OffsetDateTime lastIngestedAt, OffsetDateTime lastImportAttemptAt, String lastImportError, String feedEtag,
        String feedLastModified, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt) {
}
