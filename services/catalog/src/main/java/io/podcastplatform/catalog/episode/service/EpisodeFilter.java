package io.podcastplatform.catalog.episode.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters of the episode list; null means no filter. {@code titleContains} matches case-insensitively. */
public record EpisodeFilter(UUID podcastId, Integer seasonNumber, OffsetDateTime publishedFrom, OffsetDateTime publishedTo,
                            String titleContains) {
}
