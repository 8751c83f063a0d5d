package io.podcastplatform.analytics.report.service;

import java.time.LocalDate;

/** Either a relative period (resolved at each rendering) or fixed local dates, both included. */
public record ReportPeriod(RelativePeriod relative, LocalDate from, LocalDate to) {

    public static ReportPeriod relative(RelativePeriod relative) {
        return new ReportPeriod(relative, null, null);
    }

    public static ReportPeriod between(LocalDate from, LocalDate to) {
        return new ReportPeriod(null, from, to);
    }

    public ResolvedPeriod resolve(LocalDate today) {
        return relative != null ? relative.resolve(today) : new ResolvedPeriod(from, to);
    }
}
