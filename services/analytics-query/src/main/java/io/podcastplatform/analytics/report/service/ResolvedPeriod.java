package io.podcastplatform.analytics.report.service;

import java.time.LocalDate;

/** Local dates of the tenant's time zone, both included. */
public record ResolvedPeriod(LocalDate from, LocalDate to) {
}
