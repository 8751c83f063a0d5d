package io.podcastplatform.ingest.pixel.service;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.AttributionEvent;
import io.podcastplatform.events.ingest.Campaign;
import io.podcastplatform.events.ingest.ClientContext;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.ingest.deadletter.service.DeadLetters;
import io.podcastplatform.ingest.enrich.service.ClientEnricher;
import io.podcastplatform.ingest.enrich.service.WriteKeys;
import io.podcastplatform.ingest.publish.messaging.DeferredPublisher;
import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import io.podcastplatform.ingest.track.service.SegmentEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A pixel hit becomes an attribution event ({@code e=page_view}) or a conversion ({@code e=conversion}).
 * The browser has its image before this runs; what is refused is counted and dead-lettered, never shown.
 * Without {@code aid} the listener is its household (the keyed hash of its address, stable within a household hash rotation period).
 */
@ApplicationScoped
public class PixelService {

    private static final Logger LOG = Logger.getLogger(PixelService.class);

    /** The query of one hit, as received. */
    public record PixelHit(Map<String, String> parameters, OffsetDateTime receivedAt, Optional<InetAddress> address, String userAgent,
                           String referer, String rawQuery) {

        String get(String name) {
            String value = parameters.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final WriteKeys keys;
    private final ClientEnricher enricher;
    private final DeferredPublisher publisher;
    private final DeadLetters deadLetters;

    public PixelService(WriteKeys keys, ClientEnricher enricher, DeferredPublisher publisher, DeadLetters deadLetters) {
        this.keys = keys;
        this.enricher = enricher;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    public void record(PixelHit hit) {
        keys.check(hit.get("writeKey")).subscribe().with(check -> {
            if (check.refusal() != null) {
                deadLetters.record(check.tenantId(), "PIXEL", check.refusal(), null, hit.get("mid"), hit.rawQuery());
                return;
            }
            List<String> reasons = new ArrayList<>();
            OutgoingEvent event = toEvent(check.tenantId(), hit, reasons);
            if (!reasons.isEmpty()) {
                deadLetters.record(check.tenantId(), "PIXEL", String.join("; ", reasons), null, hit.get("mid"), hit.rawQuery());
            } else if (!publisher.offer(event)) {
                deadLetters.record(check.tenantId(), "PIXEL", "the publish buffer is full", null, hit.get("mid"), hit.rawQuery());
            }
        }, failure -> {
            LOG.warnf("pixel hit not recorded: %s", failure.toString());
            deadLetters.record(null, "PIXEL", "could not check the key: " + failure, null, hit.get("mid"), hit.rawQuery());
        });
    }

    private OutgoingEvent toEvent(UUID tenantId, PixelHit hit, List<String> reasons) {
        String kind = hit.get("e") == null ? "page_view" : hit.get("e");
        if (!kind.equals("page_view") && !kind.equals("conversion")) {
            reasons.add("e: must be page_view or conversion");
        }
        String messageId = limited(hit, "mid", 200, reasons);
        String url = limited(hit, "url", 4000, reasons);
        String referrer = Optional.ofNullable(limited(hit, "ref", 4000, reasons)).orElse(null);
        Campaign campaign = new Campaign(limited(hit, "utm_source", 500, reasons), limited(hit, "utm_medium", 500, reasons),
                limited(hit, "utm_campaign", 500, reasons), limited(hit, "utm_term", 500, reasons), limited(hit, "utm_content", 500, reasons));
        String userId = limited(hit, "uid", 200, reasons);
        String anonymousId = limited(hit, "aid", 200, reasons);
        BigDecimal value = null;
        if (hit.get("value") != null) {
            try {
                value = new BigDecimal(hit.get("value"));
            } catch (NumberFormatException e) {
                reasons.add("value: must be a number");
            }
        }
        String currency = hit.get("currency") == null ? null : hit.get("currency").toUpperCase(Locale.ROOT);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            reasons.add("currency: must be an ISO 4217 code such as EUR");
        }
        String orderId = limited(hit, "order_id", 200, reasons);
        if (!reasons.isEmpty()) {
            return null;
        }
        ClientContext client = enricher.enrich(tenantId, hit.receivedAt(), hit.address(), hit.userAgent(), hit.referer());
        if (userId == null && anonymousId == null) {
            anonymousId = client.householdHash() == null ? "px:unknown" : "px:" + client.householdHash().substring(0, 32);
        }
        if (messageId == null) {
            messageId = "px-" + UUID.randomUUID();
        }
        String key = tenantId + ":" + (userId != null ? userId : anonymousId);
        boolean hasCampaign = campaign.source() != null || campaign.medium() != null || campaign.name() != null
                || campaign.term() != null || campaign.content() != null;
        String pageUrl = url != null ? url : hit.referer();
        if (kind.equals("conversion")) {
            ConversionEvent conversion = new ConversionEvent(SegmentEvents.eventId(tenantId, "conversion", messageId), tenantId, messageId,
                    "PIXEL", "conversion", orderId, value, currency, hit.receivedAt(), hit.receivedAt(), userId, anonymousId, pageUrl,
                    referrer, hasCampaign ? campaign : null, client);
            return new OutgoingEvent(Topics.INGEST_CONVERSION_EVENT_V1, key, ConversionEvent.TYPE, conversion.id(), tenantId, conversion);
        }
        AttributionEvent view = new AttributionEvent(SegmentEvents.eventId(tenantId, "attribution", messageId), tenantId, messageId,
                "pixel", "page_view", hit.receivedAt(), hit.receivedAt(), userId, anonymousId, null, pageUrl, referrer,
                hasCampaign ? campaign : null, null, client);
        return new OutgoingEvent(Topics.INGEST_ATTRIBUTION_EVENT_V1, key, AttributionEvent.TYPE, view.id(), tenantId, view);
    }

    private static String limited(PixelHit hit, String name, int max, List<String> reasons) {
        String value = hit.get(name);
        if (value != null && value.length() > max) {
            reasons.add(name + ": is longer than " + max + " characters");
            return null;
        }
        return value;
    }
}
