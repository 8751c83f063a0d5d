package io.podcastplatform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON schemas of the topics' data, one file per topic under {@code event-schemas/<topic>.json}.
 * Producers and consumers check their contract tests against the same file.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of {@code data} against the schema of {@code topic}; empty when it conforms. */
    public static List<String> violations(String topic, JsonNode data) {
        List<String> messages = new ArrayList<>();
        for (ValidationMessage message : schema(topic).validate(data)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    public static void requireValid(String topic, JsonNode data) {
        List<String> violations = violations(topic, data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("data does not match the schema of " + topic + ": " + violations);
        }
    }

    /** The examples the schema file carries: the samples consumers' contract tests feed themselves. */
    public static List<JsonNode> examples(String topic) {
        JsonNode examples = schemaDocument(topic).path("examples");
        List<JsonNode> result = new ArrayList<>();
        examples.forEach(result::add);
        return result;
    }

    private static JsonSchema schema(String topic) {
        return SCHEMAS.computeIfAbsent(topic, t -> FACTORY.getSchema(schemaDocument(t)));
    }

    /** The JSON schema document of a topic's data, as its schema file holds it (examples included). */
    public static JsonNode schemaDocument(String topic) {
        Topics.spec(topic);
        String resource = "/event-schemas/" + topic + ".json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema for topic " + topic + " at " + resource);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
