package io.podcastplatform.events.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#CATALOG_PODCAST_V1}: the current state of a podcast,
 * keyed by its id. Consumers keep the highest version per id.
 *
 * @param feedUrl the RSS feed the podcast is imported from (null for podcasts kept by hand)
 * @param deleted true once the podcast is removed; its episodes are retired on catalog.episode.v1 too
 */
public record PodcastChanged(
        UUID id, UUID tenantId, String title, String feedUrl, String websiteUrl, String imageUrl, boolean deleted,
        long version, OffsetDateTime updatedAt) {

    public static final String TYPE = "io.podcastplatform.catalog.podcast.changed";
}
