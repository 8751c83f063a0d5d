package io.podcastplatform.ingest.persist.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.CloudEventHeaders;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.MalformedEventException;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.AttributionEvent;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.events.ingest.DownloadRequest;
import io.podcastplatform.events.ingest.IngestEvent;
import io.podcastplatform.events.ingest.ListenerEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a record of ingest's event topics (CloudEvents envelope, JSON data checked against the topic's schema, the
 * typed event) inside the Kafka consumer's poll, on its polling thread: that thread fetches and decodes the next
 * records while the consumer stores the previous poll, so decoding is no longer a step of the one-poll-at-a-time
 * pipeline (it took a quarter of each poll's time, bench/run.sh 2026-12-05). Never throws: a record that can never be
 * stored becomes a {@link DecodedRecord#unusable} with the reason, which the consumer dead-letters.
 */
public class IngestRecordDeserializer implements Deserializer<DecodedRecord> {

    private static final Map<String, Class<? extends IngestEvent>> TYPES = Map.of(
            Topics.INGEST_LISTENER_EVENT_V1, ListenerEvent.class,
            Topics.INGEST_ATTRIBUTION_EVENT_V1, AttributionEvent.class,
            Topics.INGEST_CONVERSION_EVENT_V1, ConversionEvent.class,
            Topics.INGEST_DOWNLOAD_REQUEST_V1, DownloadRequest.class);

    /** The topics' schemas as plain checks (the general validator was ~5 % of the CPU); a topic missing here uses the validator. */
    private static final Map<String, CompiledSchema> SCHEMAS = compiledSchemas();

    @Override
    public DecodedRecord deserialize(String topic, byte[] data) {
        return deserialize(topic, new RecordHeaders(), data);
    }

    @Override
    public DecodedRecord deserialize(String topic, Headers headers, byte[] data) {
        try {
            return DecodedRecord.of(decode(topic, headers, data), data);
        } catch (MalformedEventException e) {
            return DecodedRecord.unusable(e.getMessage(), headerTenant(headers), data);
        } catch (RuntimeException e) {
            return DecodedRecord.unusable("unreadable record: " + e, headerTenant(headers), data);
        }
    }

    /** The typed event of a record; {@code MalformedEventException} when it can never be stored. */
    private static IngestEvent decode(String topic, Headers headers, byte[] value) {
        Class<? extends IngestEvent> type = TYPES.get(topic);
        if (type == null) {
            throw new MalformedEventException("no ingest table takes records of " + topic);
        }
        CloudEvent envelope = CloudEvent.fromRecord(headers, value);
        JsonNode data = EventJson.tree(envelope.data());
        CompiledSchema schema = SCHEMAS.get(topic);
        if (schema == null || !schema.accepts(data)) {
            // the general validator decides whatever the compiled check refused, and names the reason
            EventSchemas.requireValid(topic, data);
        }
        // parsed once: the checked tree becomes the record, except a conversion, whose decimal value the tree would
        // hold as a double
        return type == ConversionEvent.class ? EventJson.read(envelope.data(), type) : asRecord(data, type);
    }

    private static IngestEvent asRecord(JsonNode data, Class<? extends IngestEvent> type) {
        try {
            return EventJson.mapper().treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event data is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, CompiledSchema> compiledSchemas() {
        Map<String, CompiledSchema> compiled = new HashMap<>();
        TYPES.keySet().forEach(topic -> CompiledSchema.of(topic).ifPresent(schema -> compiled.put(topic, schema)));
        return Map.copyOf(compiled);
    }

    private static UUID headerTenant(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(CloudEventHeaders.TENANT_ID);
        try {
            return header == null || header.value() == null ? null : UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
