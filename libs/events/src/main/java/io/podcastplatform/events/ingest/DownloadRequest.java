package io.podcastplatform.events.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#INGEST_DOWNLOAD_REQUEST_V1}: one request through the
 * download prefix. Keyed by {@code <tenantId>:<enclosureUrl>} so every request for one episode's file
 * lands in one partition and IAB de-duplication windows are computed without a shuffle.
 *
 * @param method       GET or HEAD
 * @param enclosureUrl the https URL the listener was redirected to
 * @param episodeId    the catalog episode with that enclosure URL, when ingest knows it
 * @param range        the Range header, as sent (IAB counting needs it)
 */
public record DownloadRequest(UUID id, UUID tenantId, OffsetDateTime requestedAt, String method, String enclosureUrl,
                              UUID episodeId, UUID podcastId, String range, String referrer, ClientContext client) implements IngestEvent {

    public static final String TYPE = "io.podcastplatform.ingest.download-request";
}
