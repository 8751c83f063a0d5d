package io.podcastplatform.events.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#INGEST_CONVERSION_EVENT_V1}: an order or other
 * conversion (Segment "Order Completed", a conversion pixel, an offline upload or a partner webhook).
 * Keyed by {@code <tenantId>:<userId or anonymousId>}, like the touchpoints it is attributed to.
 *
 * @param source         TRACK, PIXEL, OFFLINE or WEBHOOK
 * @param conversionType e.g. order_completed, signup
 * @param value          revenue in {@code currency}; null when the sender gave none
 * @param currency       ISO 4217 code
 */
public record ConversionEvent(UUID id, UUID tenantId, String messageId, String source, String conversionType, String orderId,
                              BigDecimal value, String currency, OffsetDateTime occurredAt, OffsetDateTime receivedAt,
                              String userId, String anonymousId, String pageUrl, String referrer, Campaign campaign,
                              ClientContext client) implements IngestEvent {

    public static final String TYPE = "io.podcastplatform.ingest.conversion-event";
}
