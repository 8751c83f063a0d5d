package io.podcastplatform.ingest.persist.messaging;

import java.util.UUID;

/**
 * A record of ingest's event topics as the consumer's polling thread decoded it: the event, or why it can never be
 * stored (with the tenant its header names, if any, for the dead letter). The raw value is kept for dead letters.
 */
public record DecodedRecord(Object event, String unusableBecause, UUID headerTenant, byte[] payload) {

    static DecodedRecord of(Object event, byte[] payload) {
        return new DecodedRecord(event, null, null, payload);
    }

    static DecodedRecord unusable(String reason, UUID headerTenant, byte[] payload) {
        return new DecodedRecord(null, reason, headerTenant, payload);
    }

    public boolean usable() {
        return event != null;
    }
}
