package io.podcastplatform.catalog.podcast.service;

/** Fields to change on a podcast; null leaves a field as it is. */
public record PodcastChanges(String title, String description, String feedUrl, String websiteUrl, String imageUrl) {

    public boolean isEmpty() {
        return title == null && description == null && feedUrl == null && websiteUrl == null && imageUrl == null;
    }
}
