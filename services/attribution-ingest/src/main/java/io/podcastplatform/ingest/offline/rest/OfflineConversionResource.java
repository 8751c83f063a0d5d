package io.podcastplatform.ingest.offline.rest;

import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.offline.service.OfflineConversions;
import io.podcastplatform.ingest.offline.service.OfflineRows;
import io.podcastplatform.ingest.quota.service.EventQuota;
import io.podcastplatform.ingest.track.service.RequestBodies;
import io.podcastplatform.security.caller.CallerKind;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Offline conversions uploaded by a tenant's servers. Only a secret key (or a signed-in user) with
 * {@code events:write} may upload: a write key is public (it sits in web pages) and must not be able to
 * book revenue.
 */
@Path("/v1/conversions/offline")
@Tag(name = "Offline conversions", description = "Orders uploaded as CSV or JSON lines, validated row by row")
public class OfflineConversionResource {

    private final OfflineConversions conversions;
    private final Callers callers;
    private final IngestConfig.Limits limits;
    private final EventQuota quota;

    public OfflineConversionResource(OfflineConversions conversions, Callers callers, IngestConfig config, EventQuota quota) {
        this.quota = quota;
        this.conversions = conversions;
        this.callers = callers;
        this.limits = config.limits();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed("events:write")
    @Operation(summary = "Upload conversions (text/csv with a header row, or application/x-ndjson): order_id, occurred_at, value, "
            + "currency, optional conversion_type, user_id, email_sha256, phone_sha256; answers a per-row report")
    public Uni<OfflineConversions.Report> upload(byte[] body, @HeaderParam("Content-Type") String contentType,
                                                 @HeaderParam("Content-Encoding") String encoding) {
        if (callers.current().kind() == CallerKind.WRITE_KEY) {
            throw new ProblemException(403, "Forbidden", "offline conversions need a secret key (sk_) with events:write; write keys are public",
                    List.of());
        }
        byte[] decoded = RequestBodies.decode(body, encoding, limits.maxRequestBytes());
        List<OfflineRows.Row> rows = OfflineRows.read(decoded, contentType, OfflineConversions.MAX_ROWS);
        return quota.admit(callers.tenant()).flatMap(admitted -> conversions.upload(callers.tenant(), rows));
    }
}
