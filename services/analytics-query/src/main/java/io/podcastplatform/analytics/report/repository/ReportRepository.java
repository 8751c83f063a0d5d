package io.podcastplatform.analytics.report.repository;

import io.podcastplatform.analytics.dashboard.service.Dashboards.Granularity;
import io.podcastplatform.analytics.report.service.RelativePeriod;
import io.podcastplatform.analytics.report.service.Report;
import io.podcastplatform.analytics.report.service.ReportDefinition;
import io.podcastplatform.analytics.report.service.ReportFilters;
import io.podcastplatform.analytics.report.service.ReportGeneration;
import io.podcastplatform.analytics.report.service.ReportPeriod;
import io.podcastplatform.analytics.report.service.ReportSeries;
import io.podcastplatform.web.paging.TimeCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code report} and {@code report_generation}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class ReportRepository {

    private static final String COLUMNS = "id, tenant_id, name, description, series, granularity, filters, period_relative, period_from, "
            + "period_to, format, created_by, created_at, updated_at, version";
    private static final String GENERATION_COLUMNS = "id, report_id, requested_by, requested_at, period_from, period_to, time_zone, format, "
            + "status, row_count, byte_size, duration_ms, error";

    public Uni<Report> insert(SqlClient tx, UUID id, UUID tenantId, String createdBy, ReportDefinition definition) {
        return tx.preparedQuery("""
                        INSERT INTO report (id, tenant_id, name, description, series, granularity, filters, period_relative, period_from,
                                            period_to, format, created_by)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING\s""" + COLUMNS)
                .execute(definitionTuple(Tuple.tuple().addUUID(id).addUUID(tenantId), definition).addString(createdBy))
                .map(rows -> toReport(rows.iterator().next()));
    }

    public Uni<Optional<Report>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM report WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id))
                .map(ReportRepository::optional);
    }

    /** Newest first, after the cursor's position. */
    public Uni<List<Report>> page(SqlClient tx, TimeCursor after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM report WHERE deleted_at IS NULL"
                + (after == null ? "" : " AND (created_at, id) < ($2, $3)") + " ORDER BY created_at DESC, id DESC LIMIT $1";
        Tuple parameters = after == null ? Tuple.of(limit) : Tuple.of(limit, after.at(), after.id());
        return tx.preparedQuery(sql).execute(parameters).map(rows -> {
            List<Report> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(toReport(row)));
            return found;
        });
    }

    public Uni<Optional<Report>> replace(SqlClient tx, UUID id, ReportDefinition definition) {
        return tx.preparedQuery("""
                        UPDATE report SET name = $2, description = $3, series = $4, granularity = $5, filters = $6, period_relative = $7,
                                          period_from = $8, period_to = $9, format = $10, version = version + 1, updated_at = now()
                         WHERE id = $1 AND deleted_at IS NULL RETURNING\s""" + COLUMNS)
                .execute(definitionTuple(Tuple.tuple().addUUID(id), definition))
                .map(ReportRepository::optional);
    }

    public Uni<Boolean> softDelete(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE report SET deleted_at = now(), updated_at = now(), version = version + 1 WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<ReportGeneration> insertGeneration(SqlClient tx, UUID tenantId, ReportGeneration generation) {
        return tx.preparedQuery("""
                        INSERT INTO report_generation (id, tenant_id, report_id, requested_by, requested_at, period_from, period_to, time_zone,
                                                       format, status, row_count, byte_size, duration_ms, error)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING\s""" + GENERATION_COLUMNS)
                .execute(Tuple.tuple().addUUID(generation.id()).addUUID(tenantId).addUUID(generation.reportId())
                        .addString(generation.requestedBy()).addOffsetDateTime(generation.requestedAt())
                        .addLocalDate(generation.periodFrom()).addLocalDate(generation.periodTo()).addString(generation.timeZone())
                        .addString(generation.format()).addString(generation.status().name()).addInteger(generation.rowCount())
                        .addLong(generation.byteSize()).addLong(generation.durationMs()).addString(generation.error()))
                .map(rows -> toGeneration(rows.iterator().next()));
    }

    /** The report's generations, newest first, after the cursor's position. */
    public Uni<List<ReportGeneration>> generations(SqlClient tx, UUID reportId, TimeCursor after, int limit) {
        String sql = "SELECT " + GENERATION_COLUMNS + " FROM report_generation WHERE report_id = $2"
                + (after == null ? "" : " AND (requested_at, id) < ($3, $4)") + " ORDER BY requested_at DESC, id DESC LIMIT $1";
        Tuple parameters = after == null ? Tuple.of(limit, reportId) : Tuple.of(limit, reportId, after.at(), after.id());
        return tx.preparedQuery(sql).execute(parameters).map(rows -> {
            List<ReportGeneration> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(toGeneration(row)));
            return found;
        });
    }

    private static Tuple definitionTuple(Tuple tuple, ReportDefinition definition) {
        ReportPeriod period = definition.period();
        return tuple.addString(definition.name()).addString(definition.description()).addString(definition.series().key())
                .addString(definition.granularity() == null ? null : definition.granularity().name().toLowerCase(Locale.ROOT))
                .addValue(filtersJson(definition.filters()))
                .addString(period.relative() == null ? null : period.relative().key())
                .addLocalDate(period.from()).addLocalDate(period.to()).addString(definition.format());
    }

    private static JsonObject filtersJson(ReportFilters filters) {
        JsonObject json = new JsonObject();
        if (filters.podcastId() != null) {
            json.put(ReportFilters.PODCAST_ID, filters.podcastId().toString());
        }
        if (filters.episodeId() != null) {
            json.put(ReportFilters.EPISODE_ID, filters.episodeId().toString());
        }
        if (filters.bots() != null) {
            json.put(ReportFilters.BOTS, filters.bots());
        }
        if (filters.limit() != null) {
            json.put(ReportFilters.LIMIT, filters.limit());
        }
        if (filters.by() != null) {
            json.put(ReportFilters.BY, filters.by());
        }
        return json;
    }

    private static Optional<Report> optional(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toReport(rows.iterator().next()));
    }

    private static Report toReport(Row row) {
        JsonObject filters = (JsonObject) row.getValue("filters");
        String podcastId = filters.getString(ReportFilters.PODCAST_ID);
        String episodeId = filters.getString(ReportFilters.EPISODE_ID);
        String relative = row.getString("period_relative");
        String granularity = row.getString("granularity");
        ReportDefinition definition = new ReportDefinition(row.getString("name"), row.getString("description"),
                ReportSeries.of(row.getString("series")).orElseThrow(),
                granularity == null ? null : Granularity.valueOf(granularity.toUpperCase(Locale.ROOT)),
                new ReportFilters(podcastId == null ? null : UUID.fromString(podcastId), episodeId == null ? null : UUID.fromString(episodeId),
                        filters.getString(ReportFilters.BOTS), filters.getInteger(ReportFilters.LIMIT),
                        filters.getString(ReportFilters.BY)),
                relative == null ? ReportPeriod.between(row.getLocalDate("period_from"), row.getLocalDate("period_to"))
                        : ReportPeriod.relative(RelativePeriod.of(relative).orElseThrow()),
                row.getString("format"));
        return new Report(row.getUUID("id"), row.getUUID("tenant_id"), definition, row.getString("created_by"),
                row.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC),
                row.getOffsetDateTime("updated_at").withOffsetSameInstant(ZoneOffset.UTC), row.getLong("version"));
    }

    private static ReportGeneration toGeneration(Row row) {
        return new ReportGeneration(row.getUUID("id"), row.getUUID("report_id"), row.getString("requested_by"),
                row.getOffsetDateTime("requested_at").withOffsetSameInstant(ZoneOffset.UTC), row.getLocalDate("period_from"),
                row.getLocalDate("period_to"), row.getString("time_zone"), row.getString("format"),
                ReportGeneration.Status.valueOf(row.getString("status")), row.getInteger("row_count"), row.getLong("byte_size"),
                row.getLong("duration_ms"), row.getString("error"));
    }
}
