package io.podcastplatform.catalog.podcast.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.podcast.service.Podcast;
import io.podcastplatform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A podcast as the API shows it, with the state of its feed ingestion. */
public record PodcastView(UUID id, String title, String description, String feedUrl, String websiteUrl, String imageUrl,
                          String author, String language, JsonNode podcasting20, String ingestionStatus,
                          OffsetDateTime lastImportedAt, OffsetDateTime lastImportAttemptAt, String lastImportError,
                          long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static PodcastView of(Podcast podcast) {
        return new PodcastView(podcast.id(), podcast.title(), podcast.description(), podcast.feedUrl(), podcast.websiteUrl(),
                podcast.imageUrl(), podcast.author(), podcast.language(),
                EventJson.tree(podcast.podcasting20().getBytes(StandardCharsets.UTF_8)),
                podcast.ingestionStatus().toLowerCase(Locale.ROOT), podcast.lastIngestedAt(), podcast.lastImportAttemptAt(),
                podcast.lastImportError(), podcast.version(), podcast.createdAt(), podcast.updatedAt());
    }
}
