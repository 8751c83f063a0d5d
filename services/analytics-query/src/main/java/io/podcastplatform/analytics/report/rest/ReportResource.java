package io.podcastplatform.analytics.report.rest;

import io.podcastplatform.analytics.report.service.ReportGeneration;
import io.podcastplatform.analytics.report.service.Reports;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.web.paging.TimeCursor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Saved report definitions (series, filters, period), rendered on demand as CSV; each rendering is recorded")
public class ReportResource {

    static final String CSV = "text/csv";
    /** Names the generation a rendering recorded, so a client can find it in the generations list. */
    static final String GENERATION_HEADER = "X-Report-Generation-Id";

    private final Reports reports;
    private final Callers callers;

    public ReportResource(Reports reports, Callers callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @POST
    @PermissionsAllowed("report:manage")
    @Operation(summary = "Save a report definition: series downloads or listeners (granularity hour/day/week/month; filters podcastId, "
            + "episodeId, bots), top_episodes (filters bots, limit), breakdown (filters by: country|app|device|platform, required; podcastId, "
            + "episodeId, bots) or listen_through (filters podcastId, episodeId, bots); period {relative: last_7_days|last_30_days|last_90_days|month_to_date|previous_month} "
            + "or {from, to} local dates; format csv")
    public Uni<Response> create(@NotNull ReportRequest request) {
        return reports.create(callers.tenant(), callers.current().subject(), request.definition())
                .map(report -> Response.created(URI.create("/v1/reports/" + report.id())).entity(ReportView.of(report)).build());
    }

    @GET
    @PermissionsAllowed("report:read")
    @Operation(summary = "The tenant's saved reports, newest first")
    public Uni<Page<ReportView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                      @QueryParam("cursor") String cursor) {
        return reports.page(callers.tenant(), TimeCursor.parse(cursor), limit + 1)
                .map(found -> Page.of(found, limit, ReportView::of, report -> new TimeCursor(report.createdAt(), report.id()).encode()));
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("report:read")
    public Uni<ReportView> get(@PathParam("id") UUID id) {
        return reports.find(callers.tenant(), id).map(ReportView::of);
    }

    @PUT
    @Path("/{id}")
    @PermissionsAllowed("report:manage")
    @Operation(summary = "Replace a report's definition")
    public Uni<ReportView> replace(@PathParam("id") UUID id, @NotNull ReportRequest request) {
        return reports.replace(callers.tenant(), id, request.definition()).map(ReportView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("report:manage")
    @Operation(summary = "Delete a report; its generations stay on record")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return reports.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/generate")
    @Consumes(MediaType.WILDCARD)
    @Produces({CSV, MediaType.APPLICATION_JSON})
    @PermissionsAllowed("report:read")
    @Operation(summary = "Render the report now as CSV (its period resolved in the tenant's time zone) and record the generation; "
            + "readers may render, as rendering shows only what the dashboards show them")
    public Uni<Response> generate(@PathParam("id") UUID id) {
        return reports.generate(callers.tenant(), id, callers.current().subject())
                .map(rendered -> Response.ok(rendered.csv(), CSV)
                        .header(GENERATION_HEADER, rendered.generation().id())
                        .header("Content-Disposition", "attachment; filename=\"report-" + id + "-" + rendered.generation().periodFrom()
                                + "-" + rendered.generation().periodTo() + ".csv\"")
                        .build());
    }

    @GET
    @Path("/{id}/generations")
    @PermissionsAllowed("report:read")
    @Operation(summary = "The report's renderings, newest first: who, when, the period, rows, bytes, duration, outcome")
    public Uni<Page<ReportGeneration>> generations(@PathParam("id") UUID id,
                                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                                   @QueryParam("cursor") String cursor) {
        return reports.generations(callers.tenant(), id, TimeCursor.parse(cursor), limit + 1)
                .map(found -> Page.of(found, limit, generation -> generation,
                        generation -> new TimeCursor(generation.requestedAt(), generation.id()).encode()));
    }
}
