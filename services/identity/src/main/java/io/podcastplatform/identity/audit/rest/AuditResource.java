package io.podcastplatform.identity.audit.rest;

import io.podcastplatform.identity.audit.service.AuditEntry;
import io.podcastplatform.identity.audit.service.AuditQuery;
import io.podcastplatform.identity.audit.service.AuditTrail;
import io.podcastplatform.identity.audit.service.SecurityEvent;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, and refused or denied requests; tenant owners and admins")
public class AuditResource {

    private final AuditTrail trail;
    private final Callers callers;

    public AuditResource(AuditTrail trail, Callers callers) {
        this.trail = trail;
        this.callers = callers;
    }

    @GET
    @Path("/audit-logs")
    @PermissionsAllowed("audit:read")
    @Operation(summary = "Audit entries of the caller's tenant, newest first")
    public Uni<Page<AuditEntry>> audit(@QueryParam("actorId") String actorId,
                                       @QueryParam("action") String action,
                                       @QueryParam("resourceType") String resourceType,
                                       @QueryParam("resourceId") String resourceId,
                                       @QueryParam("outcome") @Pattern(regexp = "success|failure", message = "success or failure") String outcome,
                                       @QueryParam("from") String from,
                                       @QueryParam("to") String to,
                                       @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        TimeCursor after = TimeCursor.parse(cursor);
        AuditQuery query = new AuditQuery(actorId, action, resourceType, resourceId, outcome == null ? null : outcome.equals("success"),
                time("from", from), time("to", to), after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
        return trail.audit(callers.current(), query).map(found -> Page.of(found, limit, entry -> entry, entry -> new TimeCursor(entry.occurredAt(), entry.id()).encode()));
    }

    @GET
    @Path("/security-events")
    @PermissionsAllowed("security-event:read")
    @Operation(summary = "Refused credentials and denied access in the caller's tenant, newest first")
    public Uni<Page<SecurityEvent>> securityEvents(@QueryParam("type") @Pattern(regexp = "authentication_failed|access_denied",
                                                           message = "authentication_failed or access_denied") String type,
                                                   @QueryParam("from") String from,
                                                   @QueryParam("to") String to,
                                                   @QueryParam("cursor") String cursor,
                                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        TimeCursor after = TimeCursor.parse(cursor);
        AuditQuery query = new AuditQuery(null, type, null, null, null, time("from", from), time("to", to),
                after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
        return trail.securityEvents(callers.current(), query).map(found -> Page.of(found, limit, event -> event, event -> new TimeCursor(event.occurredAt(), event.id()).encode()));
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an RFC 3339 time such as 2026-11-22T00:00:00Z");
        }
    }
}
