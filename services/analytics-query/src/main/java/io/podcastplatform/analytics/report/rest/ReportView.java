package io.podcastplatform.analytics.report.rest;

import io.podcastplatform.analytics.report.service.Report;
import io.podcastplatform.analytics.report.service.ReportDefinition;
import io.podcastplatform.analytics.report.service.ReportFilters;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A saved report as the API shows it: the same shape a caller writes, plus who made it and when. */
public record ReportView(UUID id, String name, String description, String series, String granularity, ReportFilters filters,
                         Period period, String format, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                         long version) {

    public record Period(String relative, LocalDate from, LocalDate to) {
    }

    static ReportView of(Report report) {
        ReportDefinition definition = report.definition();
        return new ReportView(report.id(), definition.name(), definition.description(), definition.series().key(),
                definition.granularity() == null ? null : definition.granularity().name().toLowerCase(Locale.ROOT), definition.filters(),
                new Period(definition.period().relative() == null ? null : definition.period().relative().key(), definition.period().from(),
                        definition.period().to()),
                definition.format(), report.createdBy(), report.createdAt(), report.updatedAt(), report.version());
    }
}
