package io.podcastplatform.analytics.dashboard.rest;

import io.podcastplatform.analytics.dashboard.repository.DashboardRepository.Dimension;
import io.podcastplatform.analytics.dashboard.service.Dashboards;
import io.podcastplatform.analytics.dashboard.service.Dashboards.BreakdownQuery;
import io.podcastplatform.analytics.dashboard.service.Dashboards.Granularity;
import io.podcastplatform.analytics.dashboard.service.Dashboards.SeriesQuery;
import io.podcastplatform.analytics.dashboard.service.DashboardCsv;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/dashboards")
@Tag(name = "Dashboards", description = "IAB downloads, unique listeners, breakdowns and listen-through in the tenant's time zone, as JSON or CSV")
public class DashboardResource {

    static final String CSV = "text/csv";
    /** Bounded so a series stays one quick query of the rollup. */
    static final long LONGEST_PERIOD_DAYS = 366;

    private final Dashboards dashboards;
    private final Callers callers;

    public DashboardResource(Dashboards dashboards, Callers callers) {
        this.dashboards = dashboards;
        this.callers = callers;
    }

    public record Settings(@NotBlank String timeZone) {
    }

    @GET
    @Path("/settings")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("report:read")
    @Operation(summary = "The tenant's dashboard time zone (UTC until chosen)")
    public Uni<Settings> settings() {
        return dashboards.timeZone(callers.tenant()).map(Settings::new);
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("report:manage")
    @Operation(summary = "Choose the tenant's dashboard time zone (an IANA name such as Europe/Paris)")
    public Uni<Settings> setSettings(@Valid @NotNull Settings settings) {
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timeZone", "is not a known time zone (use an IANA name such as Europe/Paris)");
        }
        return dashboards.setTimeZone(callers.tenant(), zone, callers.current().subject()).map(Settings::new);
    }

    @GET
    @Path("/downloads")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @PermissionsAllowed("report:read")
    @Operation(summary = "IAB downloads by hour, day, week or month over a period of local dates (both included), of the tenant, "
            + "one podcast or one episode; bots=exclude (default) or include; CSV with Accept: text/csv")
    public Uni<Response> downloads(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("granularity") String granularity, @QueryParam("bots") String bots,
                                   @QueryParam("podcastId") String podcastId, @QueryParam("episodeId") String episodeId,
                                   @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        SeriesQuery query = seriesQuery(from, to, granularity, bots, podcastId, episodeId);
        boolean csv = wantsCsv(accept);
        return dashboards.downloads(callers.tenant(), query)
                .map(series -> csv ? Response.ok(DashboardCsv.of(series), CSV).build() : json(series));
    }

    @GET
    @Path("/top-episodes")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @PermissionsAllowed("report:read")
    @Operation(summary = "The most downloaded episodes over a period of local dates (both included); limit 1-100 (default 10); "
            + "bots=exclude (default) or include; CSV with Accept: text/csv")
    public Uni<Response> topEpisodes(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("bots") String bots,
                                     @QueryParam("limit") String limit, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        LocalDate start = date("from", from);
        LocalDate end = period(start, date("to", to));
        int count = limit(limit);
        boolean csv = wantsCsv(accept);
        return dashboards.topEpisodes(callers.tenant(), start, end, botsIncluded(bots), count)
                .map(top -> csv ? Response.ok(DashboardCsv.of(top), CSV).build() : json(top));
    }

    @GET
    @Path("/listeners")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @PermissionsAllowed("report:read")
    @Operation(summary = "Unique listeners (distinct IAB listeners among the counted downloads) and downloads by hour, day, week or month "
            + "over a period of local dates (both included), of the tenant, one podcast or one episode, with the unique listeners of "
            + "the whole period; bots=exclude (default) or include; CSV with Accept: text/csv. uniqueListenersCounting says how they were "
            + "counted: exact, or hyperloglog (hourly sketches, with the relative standard error; see /v1/methodology)")
    public Uni<Response> listeners(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("granularity") String granularity, @QueryParam("bots") String bots,
                                   @QueryParam("podcastId") String podcastId, @QueryParam("episodeId") String episodeId,
                                   @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        SeriesQuery query = seriesQuery(from, to, granularity, bots, podcastId, episodeId);
        return dashboards.listeners(callers.tenant(), query).map(series -> wantsCsv(accept) ? csv(DashboardCsv.of(series)) : json(series));
    }

    @GET
    @Path("/breakdown")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @PermissionsAllowed("report:read")
    @Operation(summary = "Downloads and unique listeners by country, app, device or platform (by=...) over a period of local dates "
            + "(both included), of the tenant, one podcast or one episode; bots=exclude (default) or include; CSV with Accept: text/csv. "
            + "uniqueListenersCounting says how listeners were counted (exact, or hyperloglog where the database keeps sketches)")
    public Uni<Response> breakdown(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("bots") String bots, @QueryParam("podcastId") String podcastId,
                                   @QueryParam("episodeId") String episodeId, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Dimension dimension = dimension(by);
        LocalDate start = date("from", from);
        LocalDate end = period(start, date("to", to));
        BreakdownQuery query = new BreakdownQuery(dimension, start, end, botsIncluded(bots), uuid("podcastId", podcastId),
                uuid("episodeId", episodeId));
        return dashboards.breakdown(callers.tenant(), query).map(breakdown -> wantsCsv(accept) ? csv(DashboardCsv.of(breakdown)) : json(breakdown));
    }

    @GET
    @Path("/listen-through")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @PermissionsAllowed("report:read")
    @Operation(summary = "Listen-through of the SDK sessions that started in a period of local dates (both included): shares reaching "
            + "25/50/75/95 %, completion rate, average listening time and the share still listening at every 5 % of the duration, "
            + "of the tenant, one podcast or one episode; bots=exclude (default) or include; CSV (the curve) with Accept: text/csv")
    public Uni<Response> listenThrough(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("bots") String bots,
                                       @QueryParam("podcastId") String podcastId, @QueryParam("episodeId") String episodeId,
                                       @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        LocalDate start = date("from", from);
        LocalDate end = period(start, date("to", to));
        return dashboards.listenThrough(callers.tenant(), start, end, botsIncluded(bots), uuid("podcastId", podcastId), uuid("episodeId", episodeId))
                .map(listenThrough -> wantsCsv(accept) ? csv(DashboardCsv.of(listenThrough)) : json(listenThrough));
    }

    private static SeriesQuery seriesQuery(String from, String to, String granularity, String bots, String podcastId, String episodeId) {
        LocalDate start = date("from", from);
        return new SeriesQuery(start, period(start, date("to", to)), granularity(granularity), botsIncluded(bots),
                uuid("podcastId", podcastId), uuid("episodeId", episodeId));
    }

    private static boolean wantsCsv(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV);
    }

    private static Response csv(String text) {
        return Response.ok(text, CSV).build();
    }

    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private static Dimension dimension(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("by", "is required: country, app, device or platform");
        }
        try {
            return Dimension.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("by", "must be country, app, device or platform");
        }
    }

    /** {@code end} checked against {@code start}: not before it, at most the longest period after it. */
    private static LocalDate period(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= LONGEST_PERIOD_DAYS) {
            throw ProblemException.badRequest("to", "the period may span at most " + LONGEST_PERIOD_DAYS + " days");
        }
        return end;
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 10;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like any other out-of-range value
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to 100");
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "is required (a date such as 2026-11-01)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date such as 2026-11-01");
        }
    }

    private static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.DAY;
        }
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("granularity", "must be hour, day, week or month");
        }
    }

    private static boolean botsIncluded(String value) {
        if (value == null || value.isBlank() || value.equals("exclude")) {
            return false;
        }
        if (value.equals("include")) {
            return true;
        }
        throw ProblemException.badRequest("bots", "must be include or exclude");
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }
}
