package io.podcastplatform.catalog.offering.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.web.problem.Problem;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an offering must say about itself, by type: the schedule's shape (seed 002 describes one per
 * type), and capacity and delivery that fit together. Every problem is named by its JSON path.
 */
public final class OfferingRules {

    private static final Set<String> DAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final Set<String> PATTERNS = Set.of("daily", "weekly", "biweekly", "monthly");

    private OfferingRules() {
    }

    public static List<Problem.FieldError> check(String type, String capacityType, Integer maxParticipants, String deliveryMethod,
                                                 String locationDetails, JsonNode schedule) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (schedule == null || !schedule.isObject()) {
            errors.add(new Problem.FieldError("schedule", "must be an object describing when the " + type + " happens"));
        } else {
            Schedule s = new Schedule(schedule, errors);
            switch (type) {
                case "one_time_event" -> {
                    s.date("date");
                    s.time("start_time", true);
                    s.integer("duration_minutes", 1, 1440, true);
                }
                case "multi_day_program", "retreat" -> {
                    LocalDate start = s.date("start_date");
                    LocalDate end = s.date("end_date");
                    if (start != null && end != null && end.isBefore(start)) {
                        errors.add(new Problem.FieldError("schedule.end_date", "must not be before start_date"));
                    }
                    s.time("daily_start_time", false);
                    s.integer("sessions", 1, 1000, false);
                }
                case "recurring_fixed" -> {
                    String pattern = s.oneOf("pattern", PATTERNS, true);
                    s.oneOf("day", DAYS, "weekly".equals(pattern) || "biweekly".equals(pattern));
                    s.time("time", true);
                    s.integer("duration_minutes", 1, 1440, true);
                }
                case "recurring_bookable" -> {
                    s.availability();
                    s.integer("booking_window_days", 1, 365, true);
                    s.integer("buffer_minutes", 0, 240, false);
                    s.integer("session_minutes", 5, 480, false);
                }
                case "cohort_course" -> {
                    s.date("start_date");
                    s.integer("weeks", 1, 104, true);
                    s.integer("sessions_per_week", 1, 14, false);
                    s.time("time", false);
                }
                default -> errors.add(new Problem.FieldError("offeringType", "is not an offering type"));
            }
            s.zone();
        }
        switch (capacityType) {
            case "one_on_one" -> {
                if (maxParticipants != null && maxParticipants != 1) {
                    errors.add(new Problem.FieldError("maxParticipants", "must be 1 (or absent) for one_on_one"));
                }
            }
            case "unlimited" -> {
                if (maxParticipants != null) {
                    errors.add(new Problem.FieldError("maxParticipants", "must be absent for unlimited capacity"));
                }
            }
            default -> {
                if (maxParticipants == null || maxParticipants < 2) {
                    errors.add(new Problem.FieldError("maxParticipants", "must be at least 2 for " + capacityType));
                }
            }
        }
        if (("in_person".equals(deliveryMethod) || "hybrid".equals(deliveryMethod))
                && (locationDetails == null || locationDetails.isBlank())) {
            errors.add(new Problem.FieldError("locationDetails", "is required for " + deliveryMethod + " delivery"));
        }
        if ("retreat".equals(type) && "online".equals(deliveryMethod)) {
            errors.add(new Problem.FieldError("deliveryMethod", "a retreat happens in person or hybrid"));
        }
        return errors;
    }

    /** Field checks of one schedule object. */
    private record Schedule(JsonNode node, List<Problem.FieldError> errors) {

        private void fail(String field, String message) {
            errors.add(new Problem.FieldError("schedule." + field, message));
        }

        LocalDate date(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                fail(field, "is required as a date such as 2026-03-15");
                return null;
            }
            try {
                return LocalDate.parse(value.asText());
            } catch (RuntimeException e) {
                fail(field, "must be a date such as 2026-03-15");
                return null;
            }
        }

        void time(String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null) {
                if (required) {
                    fail(field, "is required as a time such as 19:00");
                }
                return;
            }
            if (!value.isTextual() || !value.asText().matches("\\d{2}:\\d{2}")) {
                fail(field, "must be a time such as 19:00");
                return;
            }
            try {
                LocalTime.parse(value.asText());
            } catch (RuntimeException e) {
                fail(field, "must be a time such as 19:00");
            }
        }

        void integer(String field, int min, int max, boolean required) {
            JsonNode value = node.get(field);
            if (value == null) {
                if (required) {
                    fail(field, "is required");
                }
                return;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
                fail(field, "must be a whole number from " + min + " to " + max);
            }
        }

        String oneOf(String field, Set<String> allowed, boolean required) {
            JsonNode value = node.get(field);
            if (value == null) {
                if (required) {
                    fail(field, "is required: one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
                return null;
            }
            if (!value.isTextual() || !allowed.contains(value.asText())) {
                fail(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
                return null;
            }
            return value.asText();
        }

        /** {@code availability}: day name → list of {start, end} ranges, each start before its end. */
        void availability() {
            JsonNode availability = node.get("availability");
            if (availability == null || !availability.isObject() || availability.isEmpty()) {
                fail("availability", "is required: days mapped to time ranges, e.g. {\"monday\":[{\"start\":\"09:00\",\"end\":\"12:00\"}]}");
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> days = availability.fields();
            while (days.hasNext()) {
                Map.Entry<String, JsonNode> day = days.next();
                String at = "availability." + day.getKey();
                if (!DAYS.contains(day.getKey())) {
                    fail(at, "is not a day of the week");
                    continue;
                }
                if (!day.getValue().isArray()) {
                    fail(at, "must be a list of {start, end} ranges");
                    continue;
                }
                for (int i = 0; i < day.getValue().size(); i++) {
                    JsonNode range = day.getValue().get(i);
                    LocalTime start = clock(range.get("start"));
                    LocalTime end = clock(range.get("end"));
                    if (start == null || end == null || !start.isBefore(end)) {
                        fail(at + "[" + i + "]", "must have start before end, as HH:mm");
                    }
                }
            }
        }

        void zone() {
            JsonNode zone = node.get("timezone");
            if (zone == null) {
                return;
            }
            try {
                ZoneId.of(zone.asText());
            } catch (RuntimeException e) {
                fail("timezone", "must be an IANA time zone such as Europe/Berlin");
            }
        }

        private static LocalTime clock(JsonNode value) {
            if (value == null || !value.isTextual() || !value.asText().matches("\\d{2}:\\d{2}")) {
                return null;
            }
            try {
                return LocalTime.parse(value.asText());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
