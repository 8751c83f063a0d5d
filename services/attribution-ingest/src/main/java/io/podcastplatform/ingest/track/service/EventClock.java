package io.podcastplatform.ingest.track.service;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Segment's clock-skew correction: a client stamps {@code timestamp} and, when it sends, {@code sentAt}
 * with the same (possibly wrong) clock; the server's {@code receivedAt} minus their difference is the
 * true time, whatever the client's clock says.
 */
public final class EventClock {

    private EventClock() {
    }

    public static OffsetDateTime occurredAt(OffsetDateTime timestamp, OffsetDateTime sentAt, OffsetDateTime receivedAt) {
        if (timestamp == null) {
            return receivedAt;
        }
        if (sentAt == null) {
            return timestamp;
        }
        return receivedAt.minus(Duration.between(timestamp, sentAt));
    }
}
