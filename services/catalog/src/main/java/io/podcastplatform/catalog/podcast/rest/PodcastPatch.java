package io.podcastplatform.catalog.podcast.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /v1/podcasts/{id}}: absent fields stay as they are. */
public record PodcastPatch(
        @Size(min = 1, max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Size(max = 20000) String description,
        @Size(max = 4000) String feedUrl,
        @Size(max = 2000) String websiteUrl,
        @Size(max = 2000) String imageUrl) {
}
