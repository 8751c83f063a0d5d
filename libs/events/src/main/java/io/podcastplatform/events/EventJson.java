package io.podcastplatform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * The one JSON mapping of event data. Readers are tolerant (unknown fields are ignored, so a producer
 * may add optional fields without a new topic version); writers emit ISO-8601 times.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // every event record is written on publish and read on consume: its accessors and constructor are called
            // through generated lambdas instead of reflection, which showed in the batch path's profile (JFR, bench/run.sh)
            .registerModule(new BlackbirdModule())
            .registerModule(new SimpleModule("common-times").addDeserializer(OffsetDateTime.class, new CommonOffsetDateTimes()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventJson() {
    }

    public static byte[] write(Object data) {
        try {
            return MAPPER.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + data.getClass().getName(), e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new MalformedEventException("event data is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedEventException("event data is not JSON: " + e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Event times in their common shape through {@link IsoTimes}; anything else (other shapes, numbers) through
     * the Java time module's own reader, which decides as before.
     */
    private static final class CommonOffsetDateTimes extends StdScalarDeserializer<OffsetDateTime> {

        CommonOffsetDateTimes() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                OffsetDateTime common = IsoTimes.parseCommon(parser.getText());
                if (common != null) {
                    return common;
                }
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }
    }
}
