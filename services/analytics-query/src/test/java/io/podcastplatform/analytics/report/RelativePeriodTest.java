package io.podcastplatform.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podcastplatform.analytics.report.service.RelativePeriod;
import io.podcastplatform.analytics.report.service.ResolvedPeriod;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RelativePeriodTest {

    private static final LocalDate MARCH_3 = LocalDate.of(2024, 3, 3);

    @Test
    void lastDaysAreCompleteDaysEndingYesterday() {
        assertEquals(new ResolvedPeriod(LocalDate.of(2024, 2, 25), LocalDate.of(2024, 3, 2)), RelativePeriod.LAST_7_DAYS.resolve(MARCH_3));
        assertEquals(new ResolvedPeriod(LocalDate.of(2024, 2, 2), LocalDate.of(2024, 3, 2)), RelativePeriod.LAST_30_DAYS.resolve(MARCH_3));
        assertEquals(new ResolvedPeriod(LocalDate.of(2023, 12, 4), LocalDate.of(2024, 3, 2)), RelativePeriod.LAST_90_DAYS.resolve(MARCH_3));
    }

    @Test
    void monthToDateIncludesTodayAndPreviousMonthIsWhole() {
        assertEquals(new ResolvedPeriod(LocalDate.of(2024, 3, 1), MARCH_3), RelativePeriod.MONTH_TO_DATE.resolve(MARCH_3));
        assertEquals(new ResolvedPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)), RelativePeriod.PREVIOUS_MONTH.resolve(MARCH_3));
        assertEquals(new ResolvedPeriod(LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 31)),
                RelativePeriod.PREVIOUS_MONTH.resolve(LocalDate.of(2024, 1, 1)));
    }

    @Test
    void keysAreTheApisNames() {
        assertEquals(RelativePeriod.LAST_30_DAYS, RelativePeriod.of("last_30_days").orElseThrow());
        assertEquals(java.util.Optional.empty(), RelativePeriod.of("LAST_30_DAYS"));
    }
}
