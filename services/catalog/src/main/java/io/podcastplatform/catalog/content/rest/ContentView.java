package io.podcastplatform.catalog.content.rest;

import io.podcastplatform.catalog.content.service.Content;
import io.podcastplatform.catalog.content.service.Series;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Content as the API shows it. */
public record ContentView(UUID id, String title, String slug, String description, String contentType, String mediaUrl,
                          Integer mediaDurationSeconds, String thumbnailUrl, String body, String category, List<String> tags,
                          UUID seriesId, String visibility, BigDecimal price, String status, OffsetDateTime publishedAt,
                          int viewCount, int purchaseCount, List<UUID> prerequisiteContentIds, long version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ContentView of(Content c) {
        return new ContentView(c.id(), c.title(), c.slug(), c.description(), c.contentType(), c.mediaUrl(), c.mediaDurationSeconds(),
                c.thumbnailUrl(), c.body(), c.category(), c.tags(), c.seriesId(), c.visibility(), c.price(), c.status(),
                c.publishedAt(), c.viewCount(), c.purchaseCount(), c.prerequisiteContentIds(), c.version(), c.createdAt(),
                c.updatedAt());
    }

    /** A series as the API shows it. */
    public record SeriesView(UUID id, String title, String slug, String description, String thumbnailUrl, BigDecimal price,
                             List<UUID> contentOrder, String status, OffsetDateTime publishedAt, long version,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static SeriesView of(Series s) {
            return new SeriesView(s.id(), s.title(), s.slug(), s.description(), s.thumbnailUrl(), s.price(), s.contentOrder(),
                    s.status(), s.publishedAt(), s.version(), s.createdAt(), s.updatedAt());
        }
    }
}
