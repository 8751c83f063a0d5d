package io.podcastplatform.ingest.offline.service;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.ClientContext;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import io.podcastplatform.ingest.track.service.SegmentEvents;
import io.podcastplatform.ingest.track.service.TrackService;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Offline conversions (orders a tenant's server uploads): every row validated on its own, the valid ones
 * published as conversion events (source OFFLINE) and acknowledged by the broker before the answer. The
 * message id is {@code offline:<order id>}, so an order uploaded again is stored once.
 */
@ApplicationScoped
public class OfflineConversions {

    /** Rows per upload; more is a 413. */
    public static final int MAX_ROWS = 10_000;

    private static final int MAX_ID = 200;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]{1,100}");
    private static final Set<String> RAW_IDENTIFIERS = Set.of("email", "phone", "email_address", "phone_number");
    private static final ClientContext NO_CLIENT = new ClientContext(null, null, null, null, "MISSING", null, null, null, null, false);

    private final TrackService track;
    private final IngestConfig.Clock clock;

    public OfflineConversions(TrackService track, IngestConfig config) {
        this.track = track;
        this.clock = config.clock();
    }

    /** The outcome of one row: accepted, or rejected with every reason. */
    public record RowResult(int row, String orderId, String status, List<String> reasons) {
    }

    public record Report(int accepted, int rejected, List<RowResult> rows) {
    }

    public Uni<Report> upload(UUID tenantId, List<OfflineRows.Row> rows) {
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<RowResult> results = new ArrayList<>();
        List<OutgoingEvent> events = new ArrayList<>();
        Set<String> orderIds = new HashSet<>();
        for (OfflineRows.Row row : rows) {
            List<String> reasons = new ArrayList<>();
            ConversionEvent event = row.unreadable() != null ? unreadable(row, reasons) : read(tenantId, row.fields(), receivedAt, reasons);
            String orderId = row.fields() == null ? null : row.fields().get("order_id");
            if (event != null && !orderIds.add(event.orderId())) {
                reasons.add("order_id: appears more than once in this upload");
                event = null;
            }
            if (event == null) {
                results.add(new RowResult(row.number(), orderId, "rejected", reasons));
            } else {
                results.add(new RowResult(row.number(), orderId, "accepted", List.of()));
                String who = event.userId() != null ? event.userId() : event.anonymousId();
                events.add(new OutgoingEvent(Topics.INGEST_CONVERSION_EVENT_V1, tenantId + ":" + who, ConversionEvent.TYPE, event.id(), tenantId,
                        event));
            }
        }
        int rejected = results.size() - events.size();
        if (events.isEmpty()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            results.forEach(result -> result.reasons().forEach(reason -> errors.add(new Problem.FieldError("rows[" + result.row() + "]", reason))));
            throw new ProblemException(400, "Invalid rows", "none of the " + results.size() + " rows is valid", errors);
        }
        return track.publishAcknowledged(events).replaceWith(new Report(events.size(), rejected, results));
    }

    private static ConversionEvent unreadable(OfflineRows.Row row, List<String> reasons) {
        reasons.add("row: " + row.unreadable());
        return null;
    }

    private ConversionEvent read(UUID tenantId, Map<String, String> fields, OffsetDateTime receivedAt, List<String> reasons) {
        for (String raw : RAW_IDENTIFIERS) {
            if (fields.containsKey(raw)) {
                reasons.add(raw + ": raw personal data is never accepted; send " + (raw.startsWith("email") ? "email_sha256" : "phone_sha256")
                        + " (SHA-256 hex of the trimmed, lower-cased e-mail address or the E.164 phone number)");
            }
        }
        String orderId = fields.get("order_id");
        if (orderId == null) {
            reasons.add("order_id: is required");
        } else if (orderId.length() > MAX_ID) {
            reasons.add("order_id: longer than " + MAX_ID + " characters");
        }
        OffsetDateTime occurredAt = occurredAt(fields.get("occurred_at"), receivedAt, reasons);
        BigDecimal value = null;
        String rawValue = fields.get("value");
        if (rawValue == null) {
            reasons.add("value: is required");
        } else {
            try {
                value = new BigDecimal(rawValue);
                if (value.signum() < 0 || value.precision() - value.scale() > 14) {
                    reasons.add("value: must be a non-negative amount below 10^14");
                    value = null;
                }
            } catch (NumberFormatException e) {
                reasons.add("value: must be a decimal number such as 49.90");
            }
        }
        String currency = fields.get("currency");
        if (currency == null) {
            reasons.add("currency: is required");
        } else {
            currency = currency.toUpperCase(Locale.ROOT);
            if (!isIso4217(currency)) {
                reasons.add("currency: must be an ISO 4217 code such as EUR");
            }
        }
        String conversionType = fields.getOrDefault("conversion_type", "order_completed");
        if (!TYPE.matcher(conversionType).matches()) {
            reasons.add("conversion_type: must be 1 to 100 of a-z, 0-9, _");
        }
        String userId = fields.get("user_id");
        if (userId != null && userId.length() > MAX_ID) {
            reasons.add("user_id: longer than " + MAX_ID + " characters");
        }
        String email = hashedIdentifier(fields, "email_sha256", reasons);
        String phone = hashedIdentifier(fields, "phone_sha256", reasons);
        if (!reasons.isEmpty()) {
            return null;
        }
        // a conversion needs someone to attribute it to: the hashed identifier, else the order itself
        String anonymousId = email != null ? "email-sha256:" + email : phone != null ? "phone-sha256:" + phone : "order:" + orderId;
        String messageId = "offline:" + orderId;
        return new ConversionEvent(SegmentEvents.eventId(tenantId, "conversion", messageId), tenantId, messageId, "OFFLINE", conversionType,
                orderId, value, currency, occurredAt, receivedAt, userId, anonymousId, null, null, null, NO_CLIENT);
    }

    private OffsetDateTime occurredAt(String text, OffsetDateTime receivedAt, List<String> reasons) {
        if (text == null) {
            reasons.add("occurred_at: is required");
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            if (time.isAfter(receivedAt.plus(clock.maxFuture()))) {
                reasons.add("occurred_at: more than " + clock.maxFuture() + " in the future");
            } else if (time.isBefore(receivedAt.minus(clock.maxAge()))) {
                reasons.add("occurred_at: older than " + clock.maxAge() + "; older orders cannot be de-duplicated");
            }
            return time;
        } catch (DateTimeParseException e) {
            reasons.add("occurred_at: must be ISO-8601 with an offset, such as 2026-11-20T14:03:00Z");
            return null;
        }
    }

    private static String hashedIdentifier(Map<String, String> fields, String name, List<String> reasons) {
        String value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value.contains("@") || !SHA256_HEX.matcher(value).matches()) {
            reasons.add(name + ": must be the 64 hex digits of a SHA-256 hash; raw personal data is never accepted");
            return null;
        }
        return value.toLowerCase(Locale.ROOT);
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
}
