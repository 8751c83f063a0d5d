package io.podcastplatform.analytics.iab.service;

import java.time.Instant;
import java.util.UUID;

/**
 * One request for an episode's audio as the download prefix recorded it.
 *
 * @param address         the client's address, or its keyed hash as ingest stores it; IPv6 literals are
 *                        reduced to their /64 here, hashes are taken as they come (ingest hashes the /64)
 * @param range           the Range header, null for a whole-file request
 * @param episodeBytes    the audio's length in bytes, null when the feed does not say
 * @param durationSeconds the audio's duration, null when unknown
 */
public record DownloadRequest(Instant at, String method, String address, String userAgent, String range,
                              UUID episodeId, Long episodeBytes, Integer durationSeconds) {
}
