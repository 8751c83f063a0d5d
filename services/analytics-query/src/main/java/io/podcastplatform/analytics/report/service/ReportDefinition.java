package io.podcastplatform.analytics.report.service;

import io.podcastplatform.analytics.dashboard.service.Dashboards.Granularity;

/** What a caller saves: the series with its shape and filters, the period and the format; already checked. */
public record ReportDefinition(String name, String description, ReportSeries series, Granularity granularity, ReportFilters filters,
                               ReportPeriod period, String format) {

    public static final String CSV = "csv";
}
