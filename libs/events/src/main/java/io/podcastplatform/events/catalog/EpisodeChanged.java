package io.podcastplatform.events.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#CATALOG_EPISODE_V1}: the current state of an episode,
 * keyed by its id. Ingest resolves a download's enclosure URL to the episode with it, and the IAB
 * one-minute rule needs the byte length and duration ({@code bytes × 60 / duration}).
 *
 * @param enclosureUrl    the audio URL as the feed gives it
 * @param enclosureLength bytes of the audio file, when the feed says (null otherwise)
 * @param durationSeconds length of the audio, when known (null otherwise)
 * @param deleted         true once the episode is removed; consumers stop resolving it
 */
public record EpisodeChanged(
        UUID id, UUID tenantId, UUID podcastId, String guid, String title, String enclosureUrl, Long enclosureLength,
        Integer durationSeconds, OffsetDateTime publishedAt, Integer seasonNumber, Integer episodeNumber, boolean deleted,
        long version, OffsetDateTime updatedAt) {

    public static final String TYPE = "io.podcastplatform.catalog.episode.changed";
}
