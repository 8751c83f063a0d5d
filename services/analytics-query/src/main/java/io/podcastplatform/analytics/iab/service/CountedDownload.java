package io.podcastplatform.analytics.iab.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A download that counts under the IAB rules, at the request that made it reach the one-minute threshold
 * ({@code by}, whose country, app and device the breakdowns show).
 */
public record CountedDownload(UUID episodeId, String listenerKey, Instant countedAt, DownloadRequest by) {
}
