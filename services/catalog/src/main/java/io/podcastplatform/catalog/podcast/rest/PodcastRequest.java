package io.podcastplatform.catalog.podcast.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/podcasts}. */
public record PodcastRequest(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20000) String description,
        @Size(max = 4000) String feedUrl,
        @Size(max = 2000) String websiteUrl,
        @Size(max = 2000) String imageUrl) {
}
