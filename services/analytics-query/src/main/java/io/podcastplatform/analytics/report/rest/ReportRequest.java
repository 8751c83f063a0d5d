package io.podcastplatform.analytics.report.rest;

import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.Dimension;
import io.podcastplatform.analytics.dashboard.service.Dashboards.Granularity;
import io.podcastplatform.analytics.report.service.RelativePeriod;
import io.podcastplatform.analytics.report.service.ReportDefinition;
import io.podcastplatform.analytics.report.service.ReportFilters;
import io.podcastplatform.analytics.report.service.ReportPeriod;
import io.podcastplatform.analytics.report.service.ReportSeries;
import io.podcastplatform.web.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A report definition as callers write it, e.g.
 * {@code {"name":"Weekly downloads","series":"downloads","granularity":"week","filters":{"podcastId":"...","bots":"exclude"},
 * "period":{"relative":"last_30_days"},"format":"csv"}}; {@link #definition()} checks it and names the first wrong field.
 */
public record ReportRequest(String name, String description, String series, String granularity, Map<String, Object> filters,
                            PeriodRequest period, String format) {

    /** Either {@code relative} or both {@code from} and {@code to} (local dates, both included). */
    public record PeriodRequest(String relative, String from, String to) {
    }

    /** The dashboards' bound: a period stays one quick query of the rollup. */
    static final long LONGEST_PERIOD_DAYS = 366;

    ReportDefinition definition() {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name", "is required");
        }
        if (name.strip().length() > 200) {
            throw ProblemException.badRequest("name", "may have at most 200 characters");
        }
        if (description != null && description.length() > 2000) {
            throw ProblemException.badRequest("description", "may have at most 2000 characters");
        }
        ReportSeries chosen = ReportSeries.of(series).orElseThrow(() -> ProblemException.badRequest("series",
                "must be one of " + Arrays.stream(ReportSeries.values()).map(ReportSeries::key).collect(Collectors.joining(", "))));
        String chosenFormat = format == null ? ReportDefinition.CSV : format;
        if (!ReportDefinition.CSV.equals(chosenFormat)) {
            throw ProblemException.badRequest("format", "must be csv");
        }
        return new ReportDefinition(name.strip(), description, chosen, checkedGranularity(chosen), checkedFilters(chosen), checkedPeriod(), chosenFormat);
    }

    private Granularity checkedGranularity(ReportSeries chosen) {
        if (!chosen.hasGranularity()) {
            if (granularity != null) {
                throw ProblemException.badRequest("granularity", chosen.key() + " has no granularity");
            }
            return null;
        }
        if (granularity == null) {
            return Granularity.DAY;
        }
        try {
            return Granularity.valueOf(granularity.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("granularity", "must be hour, day, week or month");
        }
    }

    private ReportFilters checkedFilters(ReportSeries chosen) {
        Map<String, Object> given = filters == null ? Map.of() : filters;
        for (String key : given.keySet()) {
            if (!chosen.filters().contains(key)) {
                throw ProblemException.badRequest("filters." + key, chosen.key() + " takes only the filters " + String.join(", ",
                        chosen.filters().stream().sorted().toList()));
            }
        }
        Object bots = given.get(ReportFilters.BOTS);
        if (bots != null && !"include".equals(bots) && !"exclude".equals(bots)) {
            throw ProblemException.badRequest("filters.bots", "must be include or exclude");
        }
        return new ReportFilters(uuid(given, ReportFilters.PODCAST_ID), uuid(given, ReportFilters.EPISODE_ID), (String) bots, limit(given),
                by(chosen, given));
    }

    /** The breakdown's dimension, required there (as the dashboard's {@code by}). */
    private static String by(ReportSeries chosen, Map<String, Object> filters) {
        Object value = filters.get(ReportFilters.BY);
        if (value == null) {
            if (chosen == ReportSeries.BREAKDOWN) {
                throw ProblemException.badRequest("filters.by", "is required for a breakdown: country, app, device or platform");
            }
            return null;
        }
        if (value instanceof String name && Arrays.stream(Dimension.values()).anyMatch(dimension -> dimension.name().equalsIgnoreCase(name))) {
            return name.toLowerCase(Locale.ROOT);
        }
        throw ProblemException.badRequest("filters.by", "must be country, app, device or platform");
    }

    private static UUID uuid(Map<String, Object> filters, String key) {
        Object value = filters.get(key);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString((String) value);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw ProblemException.badRequest("filters." + key, "must be a UUID");
        }
    }

    private static Integer limit(Map<String, Object> filters) {
        Object value = filters.get(ReportFilters.LIMIT);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer limit && limit >= 1 && limit <= 100) {
            return limit;
        }
        throw ProblemException.badRequest("filters.limit", "must be a whole number from 1 to 100");
    }

    private ReportPeriod checkedPeriod() {
        if (period == null) {
            throw ProblemException.badRequest("period", "is required: {\"relative\": \"last_30_days\"} or {\"from\": \"2026-11-01\", \"to\": \"2026-11-30\"}");
        }
        boolean absolute = period.from() != null || period.to() != null;
        if (period.relative() != null && absolute) {
            throw ProblemException.badRequest("period", "is either relative or from/to, not both");
        }
        if (period.relative() != null) {
            return ReportPeriod.relative(RelativePeriod.of(period.relative()).orElseThrow(() -> ProblemException.badRequest("period.relative",
                    "must be one of " + Arrays.stream(RelativePeriod.values()).map(RelativePeriod::key).collect(Collectors.joining(", ")))));
        }
        LocalDate from = date("period.from", period.from());
        LocalDate to = date("period.to", period.to());
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("period.to", "must not be before period.from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= LONGEST_PERIOD_DAYS) {
            throw ProblemException.badRequest("period.to", "the period may span at most " + LONGEST_PERIOD_DAYS + " days");
        }
        return ReportPeriod.between(from, to);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required (a date such as 2026-11-01), or give period.relative");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date such as 2026-11-01");
        }
    }
}
