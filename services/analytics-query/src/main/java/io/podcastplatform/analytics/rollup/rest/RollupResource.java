package io.podcastplatform.analytics.rollup.rest;

import io.podcastplatform.analytics.rollup.service.DownloadRollups;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/rollups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rollups", description = "Hourly IAB download rollups, recomputed from the raw requests")
public class RollupResource {

    /** Bounded so one call stays one reasonable transaction; longer periods are recomputed in several calls. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(31);

    private final DownloadRollups rollups;
    private final Callers callers;

    public RollupResource(DownloadRollups rollups, Callers callers) {
        this.rollups = rollups;
        this.callers = callers;
    }

    public record Period(@NotNull Instant from, @NotNull Instant to) {
    }

    @POST
    @Path("/recompute")
    @PermissionsAllowed("report:manage")
    @Operation(summary = "Recompute the hourly downloads of a past period (at most 31 days), e.g. after the user-agent lists changed")
    public Uni<DownloadRollups.Recomputed> recompute(@Valid @NotNull Period period) {
        if (!period.from().isBefore(period.to())) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (Duration.between(period.from(), period.to()).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.badRequest("to", "the period may span at most 31 days");
        }
        return rollups.recompute(callers.tenant(), period.from(), period.to());
    }
}
