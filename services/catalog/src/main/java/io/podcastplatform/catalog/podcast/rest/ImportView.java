package io.podcastplatform.catalog.podcast.rest;

import io.podcastplatform.catalog.feed.service.ImportOutcome;

/** The answer to an import: what changed and the podcast afterwards. */
public record ImportView(PodcastView podcast, int episodesChanged, int episodesUnchanged, int itemsSkipped, boolean notModified) {

    static ImportView of(ImportOutcome outcome) {
        return new ImportView(PodcastView.of(outcome.podcast()), outcome.changed(), outcome.unchanged(), outcome.skipped(),
                outcome.notModified());
    }
}
