package io.podcastplatform.catalog.feed.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One item of a feed, as far as the feed says. {@code podcasting20} holds its podcast: namespace tags. */
public record ParsedEpisode(
        String guid, String title, String description, String enclosureUrl, Long enclosureLength, String enclosureType,
        Integer durationSeconds, OffsetDateTime publishedAt, Integer seasonNumber, Integer episodeNumber, String episodeType,
        Boolean explicit, String imageUrl, List<Map<String, Object>> podcasting20) {
}
