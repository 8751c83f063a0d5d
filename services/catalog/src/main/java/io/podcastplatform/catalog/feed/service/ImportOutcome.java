package io.podcastplatform.catalog.feed.service;

import io.podcastplatform.catalog.podcast.service.Podcast;

/**
 * What an import did.
 *
 * @param changed     episodes created or updated (each published on catalog.episode.v1)
 * @param unchanged   episodes the feed still lists exactly as stored
 * @param skipped     items without an audio enclosure or usable guid, or repeating a guid
 * @param notModified the server answered 304 to the conditional request
 * @param error       why the import failed (also the podcast's last import error), null on success
 */
public record ImportOutcome(Podcast podcast, int changed, int unchanged, int skipped, boolean notModified, String error) {
}
