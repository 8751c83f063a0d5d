package io.podcastplatform.ingest.persist.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.IsoTimes;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic's JSON schema (the same file {@link EventSchemas} reads) compiled into plain checks for the
 * consumer's hot path: the general validator cost about 5 % of the service's CPU under the batch load.
 * It knows only the keywords the ingest schemas use and is never more lenient than the general validator:
 * a schema with any other keyword does not compile (the consumer then uses the general validator for it),
 * and a record this check refuses goes to the general validator, which decides and names the reason.
 * So it can only make a valid record cheaper, never let an invalid one through.
 */
final class CompiledSchema {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "examples");
    /** Offsets of the hyphens in a UUID's text form ({@code 8-4-4-4-12} hex digits). */
    private static final int[] UUID_HYPHENS = {8, 13, 18, 23};
    /** {@code ^[ranges]{n}$}: a fixed number of characters of one class, e.g. {@code ^[0-9a-f]{64}$} (hashes). */
    private static final Pattern FIXED_LENGTH_CLASS = Pattern.compile("\\^\\[((?:[0-9A-Za-z]-[0-9A-Za-z])+)]\\{([0-9]{1,4})}\\$");
    /** {@code ^prefix} of plain characters, each at most once optional ({@code ^https?://}). */
    private static final Pattern PLAIN_PREFIX = Pattern.compile("\\^((?:[0-9A-Za-z:/_-]\\??)+)");

    private interface Check {
        boolean test(JsonNode value);
    }

    private final Check root;

    private CompiledSchema(Check root) {
        this.root = root;
    }

    /** The compiled schema of {@code topic}, or empty when it uses a keyword this class does not know. */
    static Optional<CompiledSchema> of(String topic) {
        try {
            return Optional.of(new CompiledSchema(compile(EventSchemas.schemaDocument(topic))));
        } catch (UnsupportedOperationException unknownKeyword) {
            return Optional.empty();
        }
    }


    /** Compiles a schema document (for tests); throws {@link UnsupportedOperationException} for an unknown keyword. */
    static CompiledSchema compileDocument(JsonNode schema) {
        return new CompiledSchema(compile(schema));
    }

    /** True only when {@code data} certainly conforms; false means "ask the general validator". */
    boolean accepts(JsonNode data) {
        return root.test(data);
    }

    private static Check compile(JsonNode schema) {
        if (!schema.isObject()) {
            throw new UnsupportedOperationException("schema is not an object");
        }
        List<Check> checks = new ArrayList<>();
        Set<String> types = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode argument = field.getValue();
            if (ANNOTATIONS.contains(keyword)) {
                continue;
            }
            switch (keyword) {
                case "type" -> types = types(argument);
                case "enum" -> checks.add(enumCheck(argument));
                case "required" -> checks.add(required(argument));
                case "properties" -> checks.add(properties(argument));
                case "additionalProperties" -> checks.add(noAdditional(argument, schema.path("properties")));
                case "allOf" -> {
                    List<Check> all = subschemas(argument);
                    checks.add(value -> all.stream().allMatch(check -> check.test(value)));
                }
                case "anyOf" -> {
                    List<Check> any = subschemas(argument);
                    checks.add(value -> any.stream().anyMatch(check -> check.test(value)));
                }
                case "format" -> checks.add(format(argument));
                case "pattern" -> {
                    Predicate<String> pattern = pattern(argument.asText());
                    checks.add(value -> !value.isTextual() || pattern.test(value.textValue()));
                }
                case "minLength" -> {
                    int min = integer(argument);
                    checks.add(value -> !value.isTextual() || codePoints(value.textValue()) >= min);
                }
                case "maxLength" -> {
                    int max = integer(argument);
                    checks.add(value -> !value.isTextual() || codePoints(value.textValue()) <= max);
                }
                case "minimum" -> {
                    if (!argument.isNumber()) {
                        throw new UnsupportedOperationException("minimum is not a number");
                    }
                    BigDecimal min = argument.decimalValue();
                    checks.add(value -> !value.isNumber() || value.decimalValue().compareTo(min) >= 0);
                }
                default -> throw new UnsupportedOperationException("keyword " + keyword);
            }
        }
        if (types != null) {
            Set<String> allowed = types;
            checks.add(0, value -> allowed.contains(typeOf(value)) || (allowed.contains("number") && value.isNumber()));
        }
        Check[] all = checks.toArray(Check[]::new);
        return value -> {
            for (Check check : all) {
                if (!check.test(value)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Set<String> types(JsonNode argument) {
        Set<String> types = new HashSet<>();
        if (argument.isTextual()) {
            types.add(argument.textValue());
        } else if (argument.isArray()) {
            argument.forEach(type -> types.add(type.asText()));
        } else {
            throw new UnsupportedOperationException("type is neither a name nor a list");
        }
        for (String type : types) {
            if (!Set.of("null", "boolean", "object", "array", "number", "integer", "string").contains(type)) {
                throw new UnsupportedOperationException("type " + type);
            }
        }
        return types;
    }

    /** The JSON type of a node; an integral number is "integer" (also a "number", see the type check). */
    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            case STRING -> "string";
            default -> "unknown";
        };
    }

    private static Check enumCheck(JsonNode argument) {
        if (!argument.isArray()) {
            throw new UnsupportedOperationException("enum is not a list");
        }
        Set<String> texts = new HashSet<>();
        argument.forEach(option -> {
            if (!option.isTextual()) {
                throw new UnsupportedOperationException("enum of other than strings");
            }
            texts.add(option.textValue());
        });
        return value -> value.isTextual() && texts.contains(value.textValue());
    }

    private static Check required(JsonNode argument) {
        List<String> names = new ArrayList<>();
        argument.forEach(name -> names.add(name.asText()));
        return value -> {
            if (!value.isObject()) {
                return true;
            }
            for (String name : names) {
                if (!value.has(name)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Check properties(JsonNode argument) {
        Map<String, Check> byName = new HashMap<>();
        argument.fields().forEachRemaining(property -> byName.put(property.getKey(), compile(property.getValue())));
        return value -> {
            if (!value.isObject()) {
                return true;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Check check = byName.get(field.getKey());
                if (check != null && !check.test(field.getValue())) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Check noAdditional(JsonNode argument, JsonNode properties) {
        if (!argument.isBoolean()) {
            throw new UnsupportedOperationException("additionalProperties other than true or false");
        }
        if (argument.booleanValue()) {
            return value -> true;
        }
        Set<String> known = new HashSet<>();
        properties.fieldNames().forEachRemaining(known::add);
        return value -> {
            if (!value.isObject()) {
                return true;
            }
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                if (!known.contains(names.next())) {
                    return false;
                }
            }
            return true;
        };
    }

    private static List<Check> subschemas(JsonNode argument) {
        if (!argument.isArray() || argument.isEmpty()) {
            throw new UnsupportedOperationException("allOf / anyOf is not a non-empty list");
        }
        List<Check> checks = new ArrayList<>();
        argument.forEach(subschema -> checks.add(compile(subschema)));
        return checks;
    }

    private static Check format(JsonNode argument) {
        return switch (argument.asText()) {
            case "uuid" -> value -> !value.isTextual() || uuid(value.textValue());
            case "date-time" -> value -> !value.isTextual() || dateTime(value.textValue());
            default -> throw new UnsupportedOperationException("format " + argument.asText());
        };
    }

    /**
     * A UUID in its text form: 36 characters, hex digits of either case with hyphens at 8, 13, 18 and 23 (what the
     * pattern {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}} matches); read
     * character by character, since a regular expression per id was a visible share of the consumer's decoding (JFR).
     */
    static boolean uuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        int hyphen = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (hyphen < UUID_HYPHENS.length && i == UUID_HYPHENS[hyphen]) {
                if (c != '-') {
                    return false;
                }
                hyphen++;
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * An RFC 3339 date-time in the strict form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} (ASCII digits, upper-case
     * separators: stricter than the RFC allows, never more lenient) with every field in range (no leap second, an
     * offset within ±18:00, no year 0): exactly what {@link IsoTimes#parseCommon} reads, the reader the record's times
     * then go through, without a regular expression or a {@code DateTimeFormatter} (both showed in the consumer's
     * profile, JFR).
     */
    static boolean dateTime(String text) {
        OffsetDateTime time = IsoTimes.parseCommon(text);
        return time != null && time.getYear() >= 1;
    }

    /**
     * A schema's {@code pattern} as a check. The two shapes the ingest schemas use on every record, a hash's
     * {@code ^[0-9a-f]{64}$} and a URL's {@code ^https?://}, are read character by character (their regular
     * expressions were ~5 % of the service's samples at 2,000 pixel requests/s, JFR 2026-12-06); any other pattern is
     * a regular expression, found as JSON Schema asks ({@code find}). The plain reading accepts less than the
     * expression, never more: {@code $} would also match before a final line break, which this refuses, and the
     * general validator then decides.
     */
    static Predicate<String> pattern(String regex) {
        Matcher fixed = FIXED_LENGTH_CLASS.matcher(regex);
        if (fixed.matches()) {
            String ranges = fixed.group(1);
            int length = Integer.parseInt(fixed.group(2));
            boolean[] allowed = new boolean[128];
            for (int i = 0; i < ranges.length(); i += 3) {
                for (char c = ranges.charAt(i); c <= ranges.charAt(i + 2); c++) {
                    allowed[c] = true;
                }
            }
            return text -> {
                if (text.length() != length) {
                    return false;
                }
                for (int i = 0; i < length; i++) {
                    char c = text.charAt(i);
                    if (c >= 128 || !allowed[c]) {
                        return false;
                    }
                }
                return true;
            };
        }
        Matcher prefix = PLAIN_PREFIX.matcher(regex);
        if (prefix.matches()) {
            List<String> alternatives = List.of("");
            String spec = prefix.group(1);
            for (int i = 0; i < spec.length(); i++) {
                char c = spec.charAt(i);
                boolean optional = i + 1 < spec.length() && spec.charAt(i + 1) == '?';
                List<String> longer = new ArrayList<>();
                for (String alternative : alternatives) {
                    longer.add(alternative + c);
                    if (optional) {
                        longer.add(alternative);
                    }
                }
                alternatives = longer;
                if (optional) {
                    i++;
                }
            }
            if (alternatives.size() <= 8) {
                String[] starts = alternatives.toArray(String[]::new);
                return text -> {
                    for (String start : starts) {
                        if (text.startsWith(start)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
        }
        Pattern pattern = Pattern.compile(regex);
        return text -> pattern.matcher(text).find();
    }

    private static int integer(JsonNode argument) {
        if (!argument.canConvertToInt() || !argument.isIntegralNumber()) {
            throw new UnsupportedOperationException("length is not an integer");
        }
        return argument.intValue();
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
