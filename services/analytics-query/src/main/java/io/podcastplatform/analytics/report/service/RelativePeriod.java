package io.podcastplatform.analytics.report.service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** Periods that move with the calendar, resolved against "today" in the tenant's time zone; complete days only, except to-date. */
public enum RelativePeriod {
    LAST_7_DAYS("last_7_days"),
    LAST_30_DAYS("last_30_days"),
    LAST_90_DAYS("last_90_days"),
    MONTH_TO_DATE("month_to_date"),
    PREVIOUS_MONTH("previous_month");

    private final String key;

    RelativePeriod(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<RelativePeriod> of(String key) {
        return Arrays.stream(values()).filter(period -> period.key.equals(key)).findFirst();
    }

    /** The local dates covered (both included) when the tenant's date is {@code today}. */
    public ResolvedPeriod resolve(LocalDate today) {
        return switch (this) {
            case LAST_7_DAYS -> new ResolvedPeriod(today.minusDays(7), today.minusDays(1));
            case LAST_30_DAYS -> new ResolvedPeriod(today.minusDays(30), today.minusDays(1));
            case LAST_90_DAYS -> new ResolvedPeriod(today.minusDays(90), today.minusDays(1));
            case MONTH_TO_DATE -> new ResolvedPeriod(today.withDayOfMonth(1), today);
            case PREVIOUS_MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new ResolvedPeriod(first, first.plusMonths(1).minusDays(1));
            }
        };
    }
}
