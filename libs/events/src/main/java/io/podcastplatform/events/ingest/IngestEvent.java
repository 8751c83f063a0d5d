package io.podcastplatform.events.ingest;

import java.util.UUID;

/**
 * An event of one of ingest's four event topics, each stored by ingest's consumer in a table of its own: what every
 * one of them carries, so that a consumer groups them by tenant without asking which kind each is.
 */
public sealed interface IngestEvent permits ListenerEvent, AttributionEvent, ConversionEvent, DownloadRequest {

    /** The event's id: for an event with a message id derived from tenant, stream and message id, so a resent one keeps it. */
    UUID id();

    /** The tenant the event belongs to (from the write key it came with, never from its body). */
    UUID tenantId();
}
