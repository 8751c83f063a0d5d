package io.podcastplatform.catalog.episode.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.episode.service.Episode;
import io.podcastplatform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** An episode as the API shows it. */
public record EpisodeView(UUID id, UUID podcastId, String guid, String title, String description, String enclosureUrl,
                          Long enclosureLength, String enclosureType, Integer durationSeconds, OffsetDateTime publishedAt,
                          Integer seasonNumber, Integer episodeNumber, String episodeType, Boolean explicit, String imageUrl,
                          JsonNode podcasting20, String transcriptStatus, JsonNode adSlots, long version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static EpisodeView of(Episode episode) {
        return new EpisodeView(episode.id(), episode.podcastId(), episode.guid(), episode.title(), episode.description(),
                episode.audioUrl(), episode.enclosureLength(), episode.enclosureType(), episode.durationSeconds(),
                episode.publishDate(), episode.seasonNumber(), episode.episodeNumber(), episode.episodeType(), episode.explicit(),
                episode.imageUrl(), json(episode.podcasting20()), episode.transcriptStatus().toLowerCase(Locale.ROOT),
                json(episode.adSlots()), episode.version(), episode.createdAt(), episode.updatedAt());
    }

    private static JsonNode json(String text) {
        return EventJson.tree(text.getBytes(StandardCharsets.UTF_8));
    }
}
