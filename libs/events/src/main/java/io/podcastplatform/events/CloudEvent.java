package io.podcastplatform.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The envelope of every record on the platform's topics: CloudEvents 1.0 in Kafka binary mode, the
 * attributes in headers and the JSON data as the record value.
 *
 * @param id       unique per event; consumers de-duplicate on it
 * @param source   the producing service, e.g. {@code /identity}
 * @param type     reverse-DNS event type, e.g. {@code io.podcastplatform.identity.tenant.changed}
 * @param time     when the change happened
 * @param tenantId the tenant the event belongs to, absent for platform-wide events
 * @param subject  the entity the event is about (its id), optional
 * @param data     JSON data, validated against the topic's schema
 */
public record CloudEvent(
        UUID id, String source, String type, OffsetDateTime time, UUID tenantId, String subject, byte[] data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public Optional<UUID> tenant() {
        return Optional.ofNullable(tenantId);
    }

    public List<Header> toHeaders() {
        List<Header> headers = new ArrayList<>(8);
        headers.add(header(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(header(CloudEventHeaders.ID, id.toString()));
        headers.add(header(CloudEventHeaders.SOURCE, source));
        headers.add(header(CloudEventHeaders.TYPE, type));
        headers.add(header(CloudEventHeaders.TIME, time.toString()));
        headers.add(header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON));
        if (tenantId != null) {
            headers.add(header(CloudEventHeaders.TENANT_ID, tenantId.toString()));
        }
        if (subject != null) {
            headers.add(header(CloudEventHeaders.SUBJECT, subject));
        }
        return headers;
    }

    /**
     * Reads an envelope from a record's headers and value.
     *
     * @throws MalformedEventException when a required attribute is missing or malformed; consumers
     *                                 dead-letter such records instead of retrying them forever
     */
    public static CloudEvent fromRecord(Headers headers, byte[] value) {
        String specVersion = text(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("unsupported or missing " + CloudEventHeaders.SPEC_VERSION + ": " + specVersion);
        }
        if (value == null) {
            throw new MalformedEventException("record has no data");
        }
        String tenant = text(headers, CloudEventHeaders.TENANT_ID);
        return new CloudEvent(
                uuid(required(headers, CloudEventHeaders.ID), CloudEventHeaders.ID),
                required(headers, CloudEventHeaders.SOURCE),
                required(headers, CloudEventHeaders.TYPE),
                time(required(headers, CloudEventHeaders.TIME)),
                tenant == null ? null : uuid(tenant, CloudEventHeaders.TENANT_ID),
                text(headers, CloudEventHeaders.SUBJECT),
                value);
    }

    public String dataAsString() {
        return new String(data, UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(UTF_8));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }

    private static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(name + " is not a UUID: " + value);
        }
    }

    private static OffsetDateTime time(String value) {
        try {
            return IsoTimes.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(CloudEventHeaders.TIME + " is not an RFC 3339 time: " + value);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
