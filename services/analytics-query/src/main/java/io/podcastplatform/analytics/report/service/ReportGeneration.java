package io.podcastplatform.analytics.report.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One rendering of a report: who asked, the period it resolved to, and what came out (or why nothing did). */
public record ReportGeneration(UUID id, UUID reportId, String requestedBy, OffsetDateTime requestedAt, LocalDate periodFrom,
                               LocalDate periodTo, String timeZone, String format, Status status, Integer rowCount, Long byteSize,
                               long durationMs, String error) {

    public enum Status { SUCCEEDED, FAILED }
}
