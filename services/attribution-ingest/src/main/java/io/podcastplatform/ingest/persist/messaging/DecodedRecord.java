package io.podcastplatform.ingest.persist.messaging;

import io.podcastplatform.events.ingest.IngestEvent;
import java.util.UUID;

/**
 * A record of ingest's event topics as the consumer's polling thread decoded it: the event, or why it can never be
 * stored (with the tenant its header names, if any, for the dead letter). The raw value is kept for dead letters.
 */
public record DecodedRecord(IngestEvent event, String unusableBecause, UUID headerTenant, byte[] payload) {

    static DecodedRecord of(IngestEvent event, byte[] payload) {
        return new DecodedRecord(event, null, null, payload);
    }

    static DecodedRecord unusable(String reason, UUID headerTenant, byte[] payload) {
        return new DecodedRecord(null, reason, headerTenant, payload);
    }

    public boolean usable() {
        return event != null;
    }
}
