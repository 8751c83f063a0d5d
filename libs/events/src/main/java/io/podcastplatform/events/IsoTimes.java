package io.podcastplatform.events;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads the one shape of ISO-8601 date-time that almost every event carries
 * ({@code 2026-11-22T08:00:00.123Z}, {@code …+01:00}) without {@code DateTimeFormatter}, whose parse copied
 * hash maps for every optional section: it was a fifth of what the ingest hot path allocated and an eighth
 * of its CPU (JFR, bench/run.sh, 2026-12-05).
 *
 * <p>{@link #parseCommon} answers only for that shape and leaves every other input to the caller's own
 * formatter, which then decides, as before, what is accepted and how it is resolved: seconds left out,
 * lower-case letters, offsets without a colon, years past 9999, a 30 February or a 24:00 all take the
 * formatter's path. So a caller's results and refusals stay exactly what its formatter gives.
 */
public final class IsoTimes {

    private static final int MAX_FRACTION_DIGITS = 9;

    private IsoTimes() {
    }

    /**
     * The common shape read here, anything else read by {@code formatter}, which decides what it accepts.
     *
     * @throws java.time.format.DateTimeParseException when the formatter refuses the text
     */
    public static OffsetDateTime parse(CharSequence text, DateTimeFormatter formatter) {
        OffsetDateTime common = parseCommon(text);
        return common != null ? common : OffsetDateTime.parse(text, formatter);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)} with 1–9 fraction digits as an {@code OffsetDateTime} keeping its
     * offset; {@code null} for any other text, including dates and offsets out of range.
     */
    public static OffsetDateTime parseCommon(CharSequence text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at) - '0');
                at++;
            }
            int fractionDigits = at - start;
            if (fractionDigits == 0 || fractionDigits > MAX_FRACTION_DIGITS) {
                return null;
            }
            for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, at, length);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static ZoneOffset offset(CharSequence text, int at, int length) {
        if (at == length - 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (at != length - 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        char sign = text.charAt(at);
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The number written by {@code count} ASCII digits from {@code from}; -1 when one is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
