package io.podcastplatform.ingest.offline.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits an offline upload into rows of named text fields: CSV (RFC 4180, a header row, quoted fields
 * may hold commas, quotes and line breaks) or JSON lines (one object per line). A row that cannot be read
 * carries its reason instead of fields, so the report can name it and the other rows still count.
 */
public final class OfflineRows {

    /** One data row: its number (1 = the first row after a CSV header, or the first JSON line), fields or why it is unreadable. */
    public record Row(int number, Map<String, String> fields, String unreadable) {
    }

    private OfflineRows() {
    }

    public static List<Row> read(byte[] body, String contentType, int maxRows) {
        String text = utf8(body);
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        List<Row> rows = switch (media) {
            case "text/csv" -> csv(text, maxRows);
            case "application/x-ndjson", "application/jsonl", "application/json-lines" -> jsonLines(text, maxRows);
            default -> throw new ProblemException(415, "Unsupported Media Type", "send text/csv (with a header row) or application/x-ndjson",
                    List.of(new Problem.FieldError("Content-Type", "must be text/csv or application/x-ndjson")));
        };
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("body", "holds no data rows");
        }
        return rows;
    }

    static List<Row> jsonLines(String text, int maxRows) {
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            number++;
            tooMany(number, maxRows);
            try {
                JsonNode node = EventJson.mapper().readTree(line);
                if (node == null || !node.isObject()) {
                    rows.add(new Row(number, null, "line is not a JSON object"));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                String nested = null;
                for (var field : node.properties()) {
                    JsonNode value = field.getValue();
                    if (value.isContainerNode()) {
                        nested = field.getKey() + ": must be a string or a number";
                    } else if (!value.isNull()) {
                        fields.put(field.getKey(), value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
                    }
                }
                rows.add(nested == null ? new Row(number, fields, null) : new Row(number, null, nested));
            } catch (IOException e) {
                rows.add(new Row(number, null, "line is not valid JSON"));
            }
        }
        return rows;
    }

    static List<Row> csv(String text, int maxRows) {
        List<List<String>> records = csvRecords(text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            int number = rows.size() + 1;
            tooMany(number, maxRows);
            if (record.size() != header.size()) {
                rows.add(new Row(number, null, "has " + record.size() + " fields, the header has " + header.size()));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int f = 0; f < header.size(); f++) {
                if (!record.get(f).isBlank()) {
                    fields.put(header.get(f), record.get(f).strip());
                }
            }
            rows.add(new Row(number, fields, null));
        }
        return rows;
    }

    /** RFC 4180 records; an unterminated quote ends the text as the last field. */
    private static List<List<String>> csvRecords(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    private static void tooMany(int number, int maxRows) {
        if (number > maxRows) {
            throw new ProblemException(413, "Payload Too Large", "more than " + maxRows + " rows in one upload; split it",
                    List.of(new Problem.FieldError("body", "more than " + maxRows + " rows")));
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("body", "is not valid UTF-8");
        }
    }
}
