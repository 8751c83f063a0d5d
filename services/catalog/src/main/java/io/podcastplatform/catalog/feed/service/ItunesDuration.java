package io.podcastplatform.catalog.feed.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * {@code itunes:duration} in the forms feeds really use: seconds ({@code 3012}, {@code 3012.5}),
 * {@code MM:SS}, {@code H:MM:SS}, and now and then ISO 8601 ({@code PT50M12S}).
 */
public final class ItunesDuration {

    private ItunesDuration() {
    }

    /** Whole seconds, or null when the text is no duration. */
    public static Integer seconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.startsWith("PT") || value.startsWith("pt")) {
                return fit(Duration.parse(value.toUpperCase(java.util.Locale.ROOT)).getSeconds());
            }
            String[] parts = value.split(":");
            if (parts.length > 3) {
                return null;
            }
            double total = 0;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].strip();
                if (!part.matches("\\d{1,9}(\\.\\d+)?")) {
                    return null;
                }
                double number = Double.parseDouble(part);
                if (i > 0 && number >= 60) {
                    return null;
                }
                total = total * 60 + number;
            }
            return fit((long) Math.floor(total));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static Integer fit(long seconds) {
        return seconds < 0 || seconds > Integer.MAX_VALUE ? null : (int) seconds;
    }
}
