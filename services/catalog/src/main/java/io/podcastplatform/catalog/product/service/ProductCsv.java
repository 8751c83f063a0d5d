package io.podcastplatform.catalog.product.service;

import io.podcastplatform.web.problem.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a product CSV (header row first; columns by name, in any order). Every row is checked and every
 * problem is reported as {@code rows[<line>].<column>}, so a file is either imported whole or not at all.
 */
public final class ProductCsv {

    public static final int MAX_ROWS = 10_000;
    private static final int MAX_ERRORS = 50;
    private static final Set<String> REQUIRED = Set.of("clickbank_id", "title", "vendor");
    private static final Set<String> KNOWN = Set.of("clickbank_id", "title", "vendor", "category", "description", "commission_rate",
            "commission_amount", "initial_sale_amount", "gravity", "refund_rate", "rebill", "popularity_rank");

    private ProductCsv() {
    }

    /** The rows, or the problems; a later row with the same clickbank_id replaces an earlier one. */
    public record Result(List<ProductRow> rows, List<Problem.FieldError> errors) {
    }

    public static Result read(String text) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<List<String>> records;
        try {
            records = Csv.parse(text);
        } catch (IllegalArgumentException e) {
            return new Result(List.of(), List.of(new Problem.FieldError("body", e.getMessage())));
        }
        if (records.isEmpty()) {
            return new Result(List.of(), List.of(new Problem.FieldError("body", "is empty; the first row names the columns")));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                errors.add(new Problem.FieldError("header[" + i + "]", "unknown column '" + name + "'; known: " + String.join(", ", KNOWN)));
            }
            columns.put(name, i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new Problem.FieldError("header", "misses the column " + required));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }
        if (records.size() - 1 > MAX_ROWS) {
            return new Result(List.of(), List.of(new Problem.FieldError("body", "has more than " + MAX_ROWS + " rows")));
        }
        Map<String, ProductRow> byId = new LinkedHashMap<>();
        for (int r = 1; r < records.size() && errors.size() < MAX_ERRORS; r++) {
            Row row = new Row(records.get(r), columns, "rows[" + r + "].", errors);
            ProductRow product = new ProductRow(row.text("clickbank_id", 100, true), row.text("title", 500, true),
                    row.text("vendor", 255, true), row.text("category", 255, false), row.text("description", 20_000, false),
                    row.decimal("commission_rate", 100), row.decimal("commission_amount", 99_999_999),
                    row.decimal("initial_sale_amount", 99_999_999), row.decimal("gravity", 99_999_999),
                    row.decimal("refund_rate", 100), row.bool("rebill"), row.rank("popularity_rank"));
            if (!row.failed) {
                byId.put(product.clickbankId(), product);
            }
        }
        return new Result(errors.isEmpty() ? List.copyOf(byId.values()) : List.of(), errors);
    }

    /** One CSV record with its checks. */
    private static final class Row {

        private final List<String> values;
        private final Map<String, Integer> columns;
        private final String at;
        private final List<Problem.FieldError> errors;
        private boolean failed;

        Row(List<String> values, Map<String, Integer> columns, String at, List<Problem.FieldError> errors) {
            this.values = values;
            this.columns = columns;
            this.at = at;
            this.errors = errors;
        }

        private String raw(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= values.size()) {
                return null;
            }
            String value = values.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        private void fail(String column, String message) {
            failed = true;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new Problem.FieldError(at + column, message));
            }
        }

        String text(String column, int max, boolean required) {
            String value = raw(column);
            if (value == null && required) {
                fail(column, "is required");
            } else if (value != null && value.length() > max) {
                fail(column, "is longer than " + max + " characters");
            }
            return value;
        }

        BigDecimal decimal(String column, long max) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            String cleaned = value.replace("%", "").replace("$", "").strip();
            try {
                BigDecimal number = new BigDecimal(cleaned);
                if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                    fail(column, "must be between 0 and " + max);
                    return null;
                }
                if (number.scale() > 2) {
                    fail(column, "has more than 2 decimals");
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                fail(column, "is not a number: '" + value + "'");
                return null;
            }
        }

        boolean bool(String column) {
            String value = raw(column);
            if (value == null) {
                return false;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "y" -> {
                    return true;
                }
                case "false", "no", "0", "n" -> {
                    return false;
                }
                default -> {
                    fail(column, "must be true or false");
                    return false;
                }
            }
        }

        Integer rank(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < 1) {
                fail(column, "must be a whole number from 1");
                return null;
            }
            return Integer.parseInt(value);
        }
    }
}
