package io.podcastplatform.events.ingest;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#INGEST_ATTRIBUTION_EVENT_V1}: a touchpoint of a
 * listener's journey (a Segment {@code page}, {@code screen}, {@code identify}, {@code group},
 * {@code alias} or a {@code track} event that is not a listener event, or a pixel page view). Keyed by
 * {@code <tenantId>:<userId or anonymousId>} so one journey stays in order.
 *
 * @param type       page, screen, track, identify, group, alias or pixel
 * @param name       the track event's or page's name
 * @param properties the event's properties (traits for identify and group), as sent
 */
public record AttributionEvent(UUID id, UUID tenantId, String messageId, String type, String name, OffsetDateTime occurredAt,
                               OffsetDateTime receivedAt, String userId, String anonymousId, String sessionId, String pageUrl,
                               String referrer, Campaign campaign, Map<String, Object> properties, ClientContext client)
        implements IngestEvent {

    public static final String TYPE = "io.podcastplatform.ingest.attribution-event";
}
