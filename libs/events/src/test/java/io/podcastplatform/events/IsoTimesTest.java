package io.podcastplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimesTest {

    /** The formatter attribution-ingest reads Segment timestamps with: also {@code +0000}, resolved SMART. */
    private static final DateTimeFormatter SEGMENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    @Test
    void theCommonShapesAreReadAsTheFormattersReadThem() {
        for (String text : List.of("2026-11-22T08:00:00Z", "2026-11-22T08:00:00.1Z", "2026-11-22T08:00:00.123Z",
                "2026-11-22T08:00:00.123456789Z", "2026-11-22T23:59:59.999+01:00", "2026-01-01T00:00:00-05:30",
                "2024-02-29T12:00:00+14:00", "2026-11-22T08:00:00.5-00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00")) {
            OffsetDateTime fast = IsoTimes.parseCommon(text);

            assertThat(fast).as(text).isNotNull().isEqualTo(OffsetDateTime.parse(text)).isEqualTo(OffsetDateTime.parse(text, SEGMENT));
            assertThat(fast.getOffset()).as(text).isEqualTo(OffsetDateTime.parse(text).getOffset());
        }
    }

    @Test
    void everythingElseIsLeftToTheFormatter() {
        for (String text : List.of("", "2026-11-22", "2026-11-22T08:00Z", "2026-11-22T08:00:00", "2026-11-22t08:00:00Z",
                "2026-11-22T08:00:00z", "2026-11-22T08:00:00+0100", "2026-11-22T08:00:00+01", "2026-11-22T08:00:00.Z",
                "2026-11-22T08:00:00.1234567890Z", "2026-02-30T08:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T08:60:00Z",
                "2026-11-22T08:00:60Z", "2026-13-01T08:00:00Z", "2026-11-22T08:00:00+18:01", "2026-11-22T08:00:00+01:00:00",
                "+12026-11-22T08:00:00Z", "2026-11-22T08:00:00 Z", "２026-11-22T08:00:00Z", "2026-11-22T08:00:00.12a3Z")) {
            assertThat(IsoTimes.parseCommon(text)).as(text).isNull();
        }
    }

    @Test
    void parseLeavesOtherShapesAndRefusalsToTheFormatter() {
        assertThat(IsoTimes.parse("2026-11-22T08:00:00+0100", SEGMENT)).isEqualTo(OffsetDateTime.parse("2026-11-22T08:00:00+01:00"));
        assertThat(IsoTimes.parse("2026-02-30T08:00:00Z", SEGMENT)).isEqualTo(OffsetDateTime.parse("2026-02-28T08:00:00Z"));
        assertThatThrownBy(() -> IsoTimes.parse("2026-02-30T08:00:00Z", DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTimes.parse("2026-11-22T08:00:00+0100", DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .isInstanceOf(DateTimeParseException.class);
    }

    /**
     * Thousands of near-misses of valid times (each character replaced, removed or doubled): whenever the fast path
     * answers, both formatters accept the text and read the same instant with the same offset.
     */
    @Test
    void whateverTheFastPathReadsTheFormattersReadIdentically() {
        Random random = new Random(20261205L);
        List<String> seeds = List.of("2026-11-22T08:00:00.123Z", "2024-02-29T23:59:59+05:30", "1999-12-31T00:00:00.000001-08:00");
        String alphabet = "0123456789-:T.Z+ tz";
        List<String> texts = new ArrayList<>();
        for (String seed : seeds) {
            texts.add(seed);
            for (int i = 0; i < seed.length(); i++) {
                for (int k = 0; k < alphabet.length(); k++) {
                    texts.add(seed.substring(0, i) + alphabet.charAt(k) + seed.substring(i + 1));
                }
                texts.add(seed.substring(0, i) + seed.substring(i + 1));
                texts.add(seed.substring(0, i) + seed.charAt(i) + seed.substring(i));
            }
        }
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%sZ", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62), random.nextInt(1_000)));
        }
        int read = 0;
        for (String text : texts) {
            OffsetDateTime fast = IsoTimes.parseCommon(text);
            if (fast == null) {
                continue;
            }
            read++;
            assertThat(parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)).as(text).isEqualTo(fast);
            assertThat(parse(text, SEGMENT)).as(text).isEqualTo(fast);
        }
        assertThat(read).as("texts the fast path read").isGreaterThan(5_000);
    }

    private static OffsetDateTime parse(String text, DateTimeFormatter formatter) {
        try {
            return OffsetDateTime.parse(text, formatter);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
