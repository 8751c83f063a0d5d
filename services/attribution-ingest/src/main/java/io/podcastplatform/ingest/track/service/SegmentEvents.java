package io.podcastplatform.ingest.track.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.IsoTimes;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.AttributionEvent;
import io.podcastplatform.events.ingest.Campaign;
import io.podcastplatform.events.ingest.ClientContext;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.events.ingest.ListenerEvent;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.enrich.service.ClientAddresses;
import io.podcastplatform.ingest.enrich.service.ClientEnricher;
import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Validates Segment Spec events (track, identify, page, screen, group, alias) and maps each to the
 * ingest events it stands for: an "Episode …" track event to a listener event, every other one to an
 * attribution event, and "Order Completed" to a conversion event as well.
 */
@ApplicationScoped
public class SegmentEvents {

    public static final Set<String> TYPES = Set.of("track", "identify", "page", "screen", "group", "alias");
    static final Map<String, String> LISTENER_ACTIONS = Map.of(
            "Episode Started", "STARTED", "Episode Progress", "PROGRESS", "Episode Paused", "PAUSED", "Episode Completed", "COMPLETED");
    static final String ORDER_COMPLETED = "Order Completed";
    /** ISO-8601 with an offset; also {@code +0000} without colon, which some Segment libraries write. */
    private static final java.time.format.DateTimeFormatter TIMESTAMP = new java.time.format.DateTimeFormatterBuilder()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final int MAX_ID = 200;
    private static final int MAX_NAME = 500;
    private static final int MAX_URL = 4000;

    private final ClientEnricher enricher;
    private final IngestConfig.Limits limits;
    private final IngestConfig.Clock clock;

    public SegmentEvents(ClientEnricher enricher, IngestConfig config) {
        this.enricher = enricher;
        this.limits = config.limits();
        this.clock = config.clock();
    }

    /**
     * @param impliedType the type the endpoint stands for ({@code /v1/track}: track), null for a batch,
     *                    where every event names its own
     */
    public EventVerdict read(int index, JsonNode node, String impliedType, ReceivedRequest request) {
        List<String> reasons = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new EventVerdict(index, null, List.of(), List.of("event: must be a JSON object"));
        }
        String messageId = text(node, "messageId", MAX_ID, reasons);
        int size = upperBoundOfSize(node, limits.maxEventBytes()) <= limits.maxEventBytes() ? 0 : sizeOf(node);
        if (size > limits.maxEventBytes()) {
            reasons.add("event: is " + size + " bytes, more than the limit of " + limits.maxEventBytes() + " bytes per event");
            return new EventVerdict(index, messageId, List.of(), reasons);
        }
        String type = text(node, "type", 20, reasons);
        if (impliedType != null && type == null) {
            type = impliedType;
        } else if (type == null) {
            reasons.add("type: is required in a batch, one of " + String.join(", ", TYPES.stream().sorted().toList()));
        } else if (!TYPES.contains(type) || (impliedType != null && !impliedType.equals(type))) {
            reasons.add("type: must be " + (impliedType != null ? impliedType + " on this endpoint" : "one of " + String.join(", ", TYPES.stream().sorted().toList())));
        }
        String userId = identifier(node, "userId", reasons);
        String anonymousId = identifier(node, "anonymousId", reasons);
        if (userId == null && anonymousId == null && !reasons.stream().anyMatch(r -> r.endsWith("Id: must be a string or a number"))) {
            reasons.add("userId: userId or anonymousId is required");
        }
        String event = text(node, "event", MAX_NAME, reasons);
        if ("track".equals(type) && event == null && !hasReasonFor(reasons, "event")) {
            reasons.add("event: is required for track");
        }
        ObjectNode properties = object(node, "identify".equals(type) || "group".equals(type) ? "traits" : "properties", reasons);
        ObjectNode context = object(node, "context", reasons);
        OffsetDateTime timestamp = time(node, "timestamp", reasons);
        if (timestamp == null && !hasReasonFor(reasons, "timestamp")) {
            timestamp = time(node, "originalTimestamp", reasons);
        }
        OffsetDateTime sentAt = time(node, "sentAt", reasons);
        OffsetDateTime occurredAt = EventClock.occurredAt(timestamp, sentAt, request.receivedAt());
        if (occurredAt.isAfter(request.receivedAt().plus(clock.maxFuture()))) {
            reasons.add("timestamp: is " + describe(Duration.between(request.receivedAt(), occurredAt)) + " in the future (after clock-skew correction)");
        } else if (occurredAt.isBefore(request.receivedAt().minus(clock.maxAge()))) {
            reasons.add("timestamp: is older than " + clock.maxAge().toDays() + " days, the oldest event ingest accepts");
        }
        if (!reasons.isEmpty()) {
            return new EventVerdict(index, messageId, List.of(), reasons);
        }
        if (messageId == null) {
            // as Segment does; such an event cannot be de-duplicated if the sender retries it
            messageId = "ingest-" + UUID.randomUUID();
        }
        Message message = new Message(request.tenantId(), messageId, type, event, userId, anonymousId, occurredAt, request.receivedAt(),
                properties, context);
        ClientContext client = client(message, request);
        List<OutgoingEvent> events = new ArrayList<>(2);
        String action = "track".equals(type) ? LISTENER_ACTIONS.get(event) : null;
        if (action != null) {
            ListenerEvent listen = listenerEvent(message, action, client, reasons);
            if (!reasons.isEmpty()) {
                return new EventVerdict(index, messageId, List.of(), reasons);
            }
            events.add(new OutgoingEvent(Topics.INGEST_LISTENER_EVENT_V1, message.partitionKey(), ListenerEvent.TYPE, listen.id(),
                    message.tenantId, listen));
            return new EventVerdict(index, messageId, events, reasons);
        }
        AttributionEvent touch = attributionEvent(message, client);
        events.add(new OutgoingEvent(Topics.INGEST_ATTRIBUTION_EVENT_V1, message.partitionKey(), AttributionEvent.TYPE, touch.id(),
                message.tenantId, touch));
        if ("track".equals(type) && ORDER_COMPLETED.equals(event)) {
            ConversionEvent conversion = conversionEvent(message, touch, client, reasons);
            if (!reasons.isEmpty()) {
                return new EventVerdict(index, messageId, List.of(), reasons);
            }
            events.add(new OutgoingEvent(Topics.INGEST_CONVERSION_EVENT_V1, message.partitionKey(), ConversionEvent.TYPE, conversion.id(),
                    message.tenantId, conversion));
        }
        return new EventVerdict(index, messageId, events, reasons);
    }

    /** The id of the event a message becomes in one stream: the same message always gives the same id. */
    public static UUID eventId(UUID tenantId, String stream, String messageId) {
        return UUID.nameUUIDFromBytes((tenantId + "|" + stream + "|" + messageId).getBytes(StandardCharsets.UTF_8));
    }

    private record Message(UUID tenantId, String messageId, String type, String event, String userId, String anonymousId,
                           OffsetDateTime occurredAt, OffsetDateTime receivedAt, ObjectNode properties, ObjectNode context) {

        String partitionKey() {
            return tenantId + ":" + (userId != null ? userId : anonymousId);
        }

        JsonNode property(String name) {
            return properties == null ? null : properties.get(name);
        }

        JsonNode contextPath(String... path) {
            JsonNode node = context;
            for (String step : path) {
                if (node == null || !node.isObject()) {
                    return null;
                }
                node = node.get(step);
            }
            return node;
        }

        String contextText(String... path) {
            JsonNode node = contextPath(path);
            return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
        }
    }

    private ClientContext client(Message message, ReceivedRequest request) {
        Optional<InetAddress> address = request.address();
        String contextIp = message.contextText("ip");
        if (request.serverToServer() && contextIp != null) {
            address = ClientAddresses.parseLiteral(contextIp);
        }
        String userAgent = Optional.ofNullable(message.contextText("userAgent")).orElse(request.userAgent());
        String referrer = Optional.ofNullable(message.contextText("page", "referrer")).orElse(request.referer());
        return enricher.enrich(message.tenantId(), request.receivedAt(), address, userAgent, referrer);
    }

    private static ListenerEvent listenerEvent(Message message, String action, ClientContext client, List<String> reasons) {
        UUID episodeId = null;
        String episodeText = propertyText(message, reasons, MAX_ID, "episode_id", "episodeId");
        if (episodeText != null) {
            try {
                episodeId = UUID.fromString(episodeText);
            } catch (IllegalArgumentException e) {
                reasons.add("properties.episode_id: must be a UUID");
            }
        }
        String enclosureUrl = propertyText(message, reasons, MAX_URL, "enclosure_url", "enclosureUrl");
        if (enclosureUrl != null && !enclosureUrl.matches("(?i)^https?://.+")) {
            reasons.add("properties.enclosure_url: must be an http(s) URL");
        }
        Double position = seconds(message, reasons, "position");
        Double duration = seconds(message, reasons, "duration", "total_length");
        String platform = propertyText(message, reasons, 100, "platform");
        String sessionId = propertyText(message, reasons, MAX_ID, "session_id", "sessionId");
        if (!reasons.isEmpty()) {
            return null;
        }
        return new ListenerEvent(eventId(message.tenantId(), "listener", message.messageId()), message.tenantId(), message.messageId(),
                action, message.occurredAt(), message.receivedAt(), message.userId(), message.anonymousId(), sessionId, episodeId,
                enclosureUrl, position, duration, platform == null ? null : platform.toLowerCase(Locale.ROOT), client);
    }

    private static AttributionEvent attributionEvent(Message message, ClientContext client) {
        String name = message.event() != null ? message.event() : cut(textOrNull(message.property("name")), MAX_NAME);
        if (name == null && message.properties() == null) {
            name = null;
        }
        String pageUrl = cut(Optional.ofNullable(message.contextText("page", "url")).orElse(textOrNull(message.property("url"))), MAX_URL);
        String referrer = cut(Optional.ofNullable(message.contextText("page", "referrer")).orElse(textOrNull(message.property("referrer"))), MAX_URL);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = message.properties() == null ? null : EventJson.mapper().convertValue(message.properties(), Map.class);
        return new AttributionEvent(eventId(message.tenantId(), "attribution", message.messageId()), message.tenantId(),
                message.messageId(), message.type(), name, message.occurredAt(), message.receivedAt(), message.userId(),
                message.anonymousId(), cut(message.contextText("sessionId"), MAX_ID), pageUrl, referrer, campaign(message), properties,
                client);
    }

    private static ConversionEvent conversionEvent(Message message, AttributionEvent touch, ClientContext client, List<String> reasons) {
        BigDecimal value = null;
        JsonNode revenue = Optional.ofNullable(message.property("revenue")).orElse(message.property("total"));
        if (revenue != null && !revenue.isNull()) {
            if (revenue.isNumber()) {
                value = revenue.decimalValue();
            } else if (revenue.isTextual()) {
                try {
                    value = new BigDecimal(revenue.asText().strip());
                } catch (NumberFormatException e) {
                    reasons.add("properties.revenue: must be a number");
                }
            } else {
                reasons.add("properties.revenue: must be a number");
            }
        }
        String currency = propertyText(message, reasons, 3, "currency");
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            if (!currency.matches("[A-Z]{3}")) {
                reasons.add("properties.currency: must be an ISO 4217 code such as EUR");
            }
        }
        String orderId = propertyText(message, reasons, MAX_ID, "order_id", "orderId");
        if (!reasons.isEmpty()) {
            return null;
        }
        return new ConversionEvent(eventId(message.tenantId(), "conversion", message.messageId()), message.tenantId(), message.messageId(),
                "TRACK", "order_completed", orderId, value, currency, message.occurredAt(), message.receivedAt(), message.userId(),
                message.anonymousId(), touch.pageUrl(), touch.referrer(), touch.campaign(), client);
    }

    private static Campaign campaign(Message message) {
        JsonNode campaign = message.contextPath("campaign");
        if (campaign == null || !campaign.isObject()) {
            return null;
        }
        Campaign read = new Campaign(cut(textOrNull(campaign.get("source")), MAX_NAME), cut(textOrNull(campaign.get("medium")), MAX_NAME),
                cut(textOrNull(campaign.get("name")), MAX_NAME), cut(textOrNull(campaign.get("term")), MAX_NAME),
                cut(textOrNull(campaign.get("content")), MAX_NAME));
        return read.source() == null && read.medium() == null && read.name() == null && read.term() == null && read.content() == null
                ? null : read;
    }

    private static String propertyText(Message message, List<String> reasons, int max, String... names) {
        for (String name : names) {
            JsonNode value = message.property(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual() && !value.isNumber()) {
                reasons.add("properties." + name + ": must be a string");
                return null;
            }
            String text = value.asText().strip();
            if (text.length() > max) {
                reasons.add("properties." + name + ": is longer than " + max + " characters");
                return null;
            }
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static Double seconds(Message message, List<String> reasons, String... names) {
        for (String name : names) {
            JsonNode value = message.property(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isNumber() || value.asDouble() < 0 || !Double.isFinite(value.asDouble())) {
                reasons.add("properties." + name + ": must be a number of seconds, 0 or more");
                return null;
            }
            return value.asDouble();
        }
        return null;
    }

    private static String text(JsonNode node, String field, int max, List<String> reasons) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            reasons.add(field + ": must be a string");
            return null;
        }
        String text = value.asText();
        if (text.length() > max) {
            reasons.add(field + ": is longer than " + max + " characters");
            return null;
        }
        return text.isBlank() ? null : text;
    }

    private static String identifier(JsonNode node, String field, List<String> reasons) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            reasons.add(field + ": must be a string or a number");
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > MAX_ID) {
            reasons.add(field + ": is longer than " + MAX_ID + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private static ObjectNode object(JsonNode node, String field, List<String> reasons) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            reasons.add(field + ": must be an object");
            return null;
        }
        return (ObjectNode) value;
    }

    private static OffsetDateTime time(JsonNode node, String field, List<String> reasons) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            reasons.add(field + ": must be an ISO-8601 date-time string");
            return null;
        }
        try {
            return IsoTimes.parse(value.asText(), TIMESTAMP);
        } catch (DateTimeParseException e) {
            reasons.add(field + ": must be an ISO-8601 date-time with an offset, e.g. 2026-11-22T08:00:00.000Z");
            return null;
        }
    }

    private static boolean hasReasonFor(List<String> reasons, String field) {
        return reasons.stream().anyMatch(reason -> reason.startsWith(field + ":"));
    }

    private static String textOrNull(JsonNode node) {
        return node != null && (node.isTextual() || node.isNumber()) && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * At least the size {@link #sizeOf} would measure, without serializing (which was a visible share of the
     * batch hot path): every character may take 6 bytes (an escape), numbers at most 25 (a double),
     * BigDecimal / BigInteger their text. Stops counting once past {@code limit}; only events whose bound is
     * past the limit are serialized to measure them exactly.
     */
    public static long upperBoundOfSize(JsonNode node, long limit) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                long size = 2;
                var fields = node.fields();
                while (fields.hasNext() && size <= limit) {
                    var field = fields.next();
                    size += 6L * field.getKey().length() + 4 + upperBoundOfSize(field.getValue(), limit);
                }
                return size;
            }
            case ARRAY -> {
                long size = 2;
                for (int i = 0; i < node.size() && size <= limit; i++) {
                    size += 1 + upperBoundOfSize(node.get(i), limit);
                }
                return size;
            }
            case STRING -> {
                return 2 + 6L * node.textValue().length();
            }
            case NUMBER -> {
                return node.isBigDecimal() || node.isBigInteger() ? node.asText().length() : 25;
            }
            case BOOLEAN, NULL -> {
                return 5;
            }
            default -> {
                return Long.MAX_VALUE / 2;
            }
        }
    }

    private static int sizeOf(JsonNode node) {
        try {
            return EventJson.mapper().writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String describe(Duration ahead) {
        long hours = ahead.toHours();
        return hours >= 48 ? ahead.toDays() + " days" : hours >= 1 ? hours + " hours" : ahead.toMinutes() + " minutes";
    }
}
