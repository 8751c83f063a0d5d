package io.podcastplatform.ingest.webhook.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.ingest.ClientContext;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.ingest.track.service.SegmentEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Maps a Shopify {@code orders/create} payload to a conversion (source WEBHOOK). The customer's e-mail
 * is hashed on arrival (SHA-256 of the trimmed, lower-cased address, as offline uploads send it) and never
 * kept raw; the message id {@code shopify:<order id>} makes a redelivered order one conversion.
 */
public final class ShopifyOrders {

    private static final ClientContext NO_CLIENT = new ClientContext(null, null, null, null, "MISSING", null, null, null, null, false);

    private ShopifyOrders() {
    }

    /** The conversion, or the reasons the payload is not a usable order (in {@code reasons}). */
    public static ConversionEvent conversion(UUID tenantId, JsonNode order, OffsetDateTime receivedAt, List<String> reasons) {
        if (order == null || !order.isObject()) {
            reasons.add("body: must be a Shopify order object");
            return null;
        }
        JsonNode id = order.get("id");
        String orderId = id != null && (id.isIntegralNumber() || (id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 200))
                ? id.asText() : null;
        if (orderId == null) {
            reasons.add("id: is required (the Shopify order id)");
        }
        OffsetDateTime occurredAt = receivedAt;
        JsonNode created = order.get("created_at");
        if (created != null && !created.isNull()) {
            try {
                occurredAt = OffsetDateTime.parse(created.asText());
            } catch (DateTimeParseException e) {
                reasons.add("created_at: must be ISO-8601 with an offset");
            }
        }
        BigDecimal value = null;
        JsonNode total = order.get("total_price");
        if (total == null || total.isNull()) {
            reasons.add("total_price: is required");
        } else {
            try {
                value = new BigDecimal(total.asText().strip());
                if (value.signum() < 0 || value.precision() - value.scale() > 14) {
                    reasons.add("total_price: must be a non-negative amount below 10^14");
                }
            } catch (NumberFormatException e) {
                reasons.add("total_price: must be a decimal number");
            }
        }
        String currency = order.path("currency").asText("").toUpperCase(Locale.ROOT);
        if (!isIso4217(currency)) {
            reasons.add("currency: must be an ISO 4217 code such as EUR");
        }
        if (!reasons.isEmpty()) {
            return null;
        }
        String email = order.path("email").asText("").strip();
        if (email.isEmpty()) {
            email = order.path("customer").path("email").asText("").strip();
        }
        String anonymousId = email.isEmpty() ? "order:" + orderId : "email-sha256:" + sha256(email.toLowerCase(Locale.ROOT));
        String landing = cut(order.path("landing_site").asText(null));
        String referrer = cut(order.path("referring_site").asText(null));
        String messageId = "shopify:" + orderId;
        return new ConversionEvent(SegmentEvents.eventId(tenantId, "conversion", messageId), tenantId, messageId, "WEBHOOK",
                "order_completed", orderId, value, currency, occurredAt, receivedAt, null, anonymousId, landing, referrer, null, NO_CLIENT);
    }

    private static String cut(String text) {
        return text == null || text.isBlank() ? null : text.length() > 2048 ? text.substring(0, 2048) : text;
    }

    private static boolean isIso4217(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
