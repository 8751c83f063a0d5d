package io.podcastplatform.ingest.persist.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compiled check may only be stricter than the general validator: every example passes both, and no
 * mutation of an example (a field removed, of another type, too long, malformed, an unknown field) passes
 * the compiled check while the general validator refuses it.
 */
class CompiledSchemaTest {

    private static final List<String> TOPICS = List.of(Topics.INGEST_LISTENER_EVENT_V1, Topics.INGEST_ATTRIBUTION_EVENT_V1,
            Topics.INGEST_CONVERSION_EVENT_V1, Topics.INGEST_DOWNLOAD_REQUEST_V1);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(NODES.nullNode(), NODES.textNode(""), NODES.textNode("x"),
            NODES.textNode("x".repeat(5000)), NODES.textNode("ftp://example.com/a"), NODES.textNode("2026-13-01T00:00:00Z"),
            NODES.textNode("2026-11-22T08:00:00"), NODES.textNode("2026-11-22t08:00:00z"), NODES.textNode("not-a-uuid"),
            NODES.textNode("6f0c1b9e-0000-4000-8000-00000000000"), NODES.textNode("STARTED"), NODES.textNode("de"),
            NODES.textNode("ab".repeat(32)), NODES.textNode("AB".repeat(32)), NODES.numberNode(-1), NODES.numberNode(0),
            NODES.numberNode(1.5), NODES.numberNode(12), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode());

    @Test
    void everyIngestSchemaCompilesAndAcceptsItsExamples() {
        for (String topic : TOPICS) {
            CompiledSchema schema = CompiledSchema.of(topic).orElseThrow();
            assertThat(EventSchemas.examples(topic)).isNotEmpty()
                    .allSatisfy(example -> assertThat(schema.accepts(example)).as(topic + " " + example).isTrue());
        }
    }

    @Test
    void noMutationOfAnExamplePassesTheCompiledCheckButNotTheGeneralValidator() {
        int refusedByBoth = 0;
        for (String topic : TOPICS) {
            CompiledSchema schema = CompiledSchema.of(topic).orElseThrow();
            for (JsonNode example : EventSchemas.examples(topic)) {
                for (JsonNode mutant : mutants(example)) {
                    boolean valid = EventSchemas.violations(topic, mutant).isEmpty();
                    if (schema.accepts(mutant)) {
                        assertThat(valid).as("compiled check accepted what the schema refuses: " + topic + " " + mutant).isTrue();
                    } else if (!valid) {
                        refusedByBoth++;
                    }
                }
            }
        }
        assertThat(refusedByBoth).as("the mutations reach the checks").isGreaterThan(500);
    }

    @Test
    void aDateTimeIsAcceptedOnlyWhenJavaTimeAndTheGeneralValidatorAcceptItToo() {
        List<String> accepted = List.of("2024-02-29T00:00:00Z", "2026-11-22T08:00:00.123456789+05:30", "2026-12-31T23:59:59-18:00",
                "0001-01-01T00:00:00Z");
        List<String> refused = List.of("2026-02-29T00:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z", "2026-11-22T23:59:60Z",
                "2026-11-22T08:00:00+18:01", "2026-11-22T08:00:00+19:00", "2026-11-31T08:00:00Z", "0000-01-01T00:00:00Z",
                "2026-11-22T08:00Z", "2026-11-22 08:00:00Z", "2026-11-22T08:00:00+0100");
        JsonNode example = EventSchemas.examples(Topics.INGEST_LISTENER_EVENT_V1).get(0);
        for (String text : accepted) {
            assertThat(CompiledSchema.dateTime(text)).as(text).isTrue();
            assertThat(java.time.OffsetDateTime.parse(text)).isNotNull();
            ObjectNode withTime = example.deepCopy();
            withTime.put("occurredAt", text);
            assertThat(EventSchemas.violations(Topics.INGEST_LISTENER_EVENT_V1, withTime)).as(text).isEmpty();
        }
        refused.forEach(text -> assertThat(CompiledSchema.dateTime(text)).as(text).isFalse());
    }

    @Test
    void theUuidAndDateTimeShapesReadCharacterByCharacterAreExactlyTheirRegularExpressions() {
        Pattern uuid = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        Pattern dateTime = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");
        int uuids = 0;
        int dateTimes = 0;
        for (String text : nearMisses(List.of("6f0c1b9e-a2d4-4c3b-8f1e-0123456789ab", "6F0C1B9E-A2D4-4C3B-8F1E-0123456789AB"))) {
            assertThat(CompiledSchema.uuid(text)).as(text).isEqualTo(uuid.matcher(text).matches());
            uuids += CompiledSchema.uuid(text) ? 1 : 0;
        }
        for (String text : nearMisses(List.of("2026-11-22T08:00:00Z", "2026-11-22T08:00:00.1Z", "2026-11-22T08:00:00.123456789+05:30",
                "2024-02-29T23:59:59-18:00"))) {
            boolean inRange = true;
            if (dateTime.matcher(text).matches()) {
                try {
                    java.time.OffsetDateTime.parse(text);
                } catch (java.time.format.DateTimeParseException outOfRange) {
                    inRange = false;
                }
            }
            assertThat(CompiledSchema.dateTime(text)).as(text).isEqualTo(dateTime.matcher(text).matches() && inRange);
            dateTimes += CompiledSchema.dateTime(text) ? 1 : 0;
        }
        assertThat(uuids).as("near misses that are still UUIDs").isGreaterThan(100);
        assertThat(dateTimes).as("near misses that are still date-times").isGreaterThan(100);
    }

    @Test
    void aPatternReadCharacterByCharacterNeverAcceptsWhatItsRegularExpressionRefuses() {
        List<String> hashes = List.of("0123456789abcdef".repeat(4), "ab".repeat(32));
        List<String> urls = List.of("https://cdn.example.com/a.mp3", "http://cdn.example.com/a.mp3", "https:/", "http:");
        List<String> codes = List.of("DE", "EUR");
        int refusedByBoth = 0;
        for (String regex : List.of("^[0-9a-f]{64}$", "^[A-Z]{2}$", "^[A-Z]{3}$", "^https://", "^https?://", "^[a-c]{1}x",
                "^h.tps://", "(?i)^HTTPS://")) {
            Predicate<String> plain = CompiledSchema.pattern(regex);
            Pattern expression = Pattern.compile(regex);
            for (String text : nearMisses(concat(hashes, urls, codes, List.of("abc\n", "DE\n", "DE\r\n", "https://x\n")))) {
                boolean expected = expression.matcher(text).find();
                if (plain.test(text)) {
                    assertThat(expected).as(regex + " accepted " + text).isTrue();
                } else if (!expected) {
                    refusedByBoth++;
                }
            }
            // what the schemas' values look like passes the plain reading itself, not only the general validator
            concat(hashes, urls, codes).stream().filter(text -> expression.matcher(text).find())
                    .forEach(text -> assertThat(plain.test(text)).as(regex + " refused " + text).isTrue());
        }
        assertThat(CompiledSchema.pattern("^[0-9a-f]{64}$").test("ab".repeat(32) + "\n"))
                .as("a final line break, which $ lets through, is left to the general validator").isFalse();
        assertThat(refusedByBoth).as("near misses refused by both").isGreaterThan(1000);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** Each text with every character replaced by each of a set of characters, removed or doubled, and cut short. */
    private static List<String> nearMisses(List<String> texts) {
        String replacements = "0159aAfFgG-:T tZz.+,\u0660\uFF10";
        List<String> misses = new ArrayList<>();
        for (String text : texts) {
            misses.add(text);
            for (int i = 0; i < text.length(); i++) {
                for (char replacement : replacements.toCharArray()) {
                    misses.add(text.substring(0, i) + replacement + text.substring(i + 1));
                }
                misses.add(text.substring(0, i) + text.substring(i + 1));
                misses.add(text.substring(0, i + 1) + text.substring(i));
                misses.add(text.substring(0, i));
            }
            misses.add(text + "0");
            misses.add(text + "Z");
        }
        return misses;
    }

    @Test
    void aSchemaWithAKeywordItDoesNotKnowDoesNotCompile() throws Exception {
        JsonNode unknown = EventJson.mapper().readTree("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"const\": \"x\"}}}");
        assertThatThrownBy(() -> CompiledSchema.compileDocument(unknown)).isInstanceOf(UnsupportedOperationException.class);
    }

    /** The example with one field (at any depth) removed, replaced by each replacement, or an unknown field added. */
    private static List<JsonNode> mutants(JsonNode example) {
        List<JsonNode> mutants = new ArrayList<>();
        if (!example.isObject()) {
            return mutants;
        }
        ObjectNode extra = example.deepCopy();
        extra.put("unexpected", 1);
        mutants.add(extra);
        example.fieldNames().forEachRemaining(name -> {
            ObjectNode without = example.deepCopy();
            without.remove(name);
            mutants.add(without);
            for (JsonNode replacement : REPLACEMENTS) {
                ObjectNode replaced = example.deepCopy();
                replaced.set(name, replacement);
                mutants.add(replaced);
            }
            for (JsonNode nested : mutants(example.get(name))) {
                ObjectNode replaced = example.deepCopy();
                replaced.set(name, nested);
                mutants.add(replaced);
            }
        });
        return mutants;
    }
}
