package io.podcastplatform.ingest.track.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.enrich.service.ClientAddresses;
import io.podcastplatform.ingest.enrich.service.WriteKeys;
import io.podcastplatform.ingest.quota.service.EventQuota;
import jakarta.annotation.security.PermitAll;
import io.podcastplatform.ingest.track.service.ReceivedRequest;
import io.podcastplatform.ingest.track.service.RequestBodies;
import io.podcastplatform.ingest.track.service.TrackService;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.caller.CallerKind;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Segment HTTP Tracking API: the same paths, bodies and answers, authenticated with the tenant's
 * write key (HTTP Basic user name, {@code X-Write-Key}) or a secret key with {@code events:write}.
 * Bodies may be gzip-compressed; the limits apply after decompression.
 */
@Path("/v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tracking API", description = "Segment-compatible event collection (track, identify, page, screen, group, alias, batch)")
public class SegmentResource {

    private final TrackService track;
    private final Callers callers;
    private final ClientAddresses addresses;
    private final IngestConfig.Limits limits;
    private final WriteKeys writeKeys;
    private final EventQuota quota;

    public SegmentResource(TrackService track, Callers callers, ClientAddresses addresses, IngestConfig config, WriteKeys writeKeys,
                           EventQuota quota) {
        this.writeKeys = writeKeys;
        this.quota = quota;
        this.track = track;
        this.callers = callers;
        this.addresses = addresses;
        this.limits = config.limits();
    }

    @POST
    @Path("/track")
    @PermissionsAllowed("events:write")
    @Operation(summary = "Record an action; \"Episode Started|Progress|Paused|Completed\" are listener events, \"Order Completed\" also a conversion")
    public Uni<TrackResponse> trackEvent(byte[] body, @HeaderParam("Content-Encoding") String encoding, @Context HttpServerRequest http) {
        return single(body, encoding, http, "track");
    }

    @POST
    @Path("/identify")
    @PermissionsAllowed("events:write")
    @Operation(summary = "Tie a user to their traits")
    public Uni<TrackResponse> identify(byte[] body, @HeaderParam("Content-Encoding") String encoding, @Context HttpServerRequest http) {
        return single(body, encoding, http, "identify");
    }

    @POST
    @Path("/page")
    @PermissionsAllowed("events:write")
    @Operation(summary = "Record a web page view (an attribution touchpoint with its URL, referrer and UTM campaign)")
    public Uni<TrackResponse> page(byte[] body, @HeaderParam("Content-Encoding") String encoding, @Context HttpServerRequest http) {
        return single(body, encoding, http, "page");
    }

    @POST
    @Path("/screen")
    @PermissionsAllowed("events:write")
    @Operation(summary = "Record a mobile screen view")
    public Uni<TrackResponse> screen(byte[] body, @HeaderParam("Content-Encoding") String encoding, @Context HttpServerRequest http) {
        return single(body, encoding, http, "screen");
    }

    @POST
    @Path("/group")
    @PermissionsAllowed("events:write")
    @Operation(summary = "Associate a user with a group")
    public Uni<TrackResponse> group(byte[] body, @HeaderParam("Content-Encoding") String encoding, @Context HttpServerRequest http) {
        return single(body, encoding, http, "group");
    }

    @POST
    @Path("/alias")
    @PermissionsAllowed("events:write")
    @Operation(summary = "Merge two user identities")
    public Uni<TrackResponse> alias(byte[] body, @HeaderParam("Content-Encoding") String encoding, @Context HttpServerRequest http) {
        return single(body, encoding, http, "alias");
    }

    @POST
    @Path("/batch")
    @PermissionsAllowed("events:write")
    // a batch (up to 512 KB, hundreds of events) is parsed, checked and mapped on a worker thread, which then
    // waits for the broker (the ack timeout bounds the wait), so pixels and redirects on the event loop do not
    // queue behind it; a Uni resumed on a worker lost the request scope now and then (measured: bench/run.sh)
    @Blocking
    @Operation(summary = "Send many events at once; valid events are accepted, refused ones are listed with reasons")
    public TrackResponse batch(byte[] body, @HeaderParam("Content-Encoding") String encoding, @Context HttpServerRequest http) {
        ReceivedRequest request = received(http);
        JsonNode json = parse(body, encoding);
        return quota.admit(request.tenantId()).flatMap(admitted -> track.batch(json, request)).map(TrackResponse::of)
                .await().indefinitely();
    }

    /**
     * Where Segment's server libraries post batches. analytics-java 3.x sends its write key in the body
     * ({@code "writeKey"}) and no Authorization header, so this path also takes the key from there.
     */
    @POST
    @Path("/import")
    @PermitAll
    @Blocking
    @Operation(summary = "Same as /v1/batch, where Segment's server libraries send batches; the write key may be in the body")
    public TrackResponse importBatch(byte[] body, @HeaderParam("Content-Encoding") String encoding, @Context HttpServerRequest http) {
        JsonNode json = parse(body, encoding);
        String key = headerKey(http);
        if (key == null && json.isObject() && json.path("writeKey").isTextual()) {
            key = json.get("writeKey").asText();
        }
        return writeKeys.check(key).flatMap(check -> {
            if (check.refusal() != null) {
                int status = check.tenantId() == null ? 401 : 403;
                return Uni.createFrom().failure(new ProblemException(status, status == 401 ? "Unauthorized" : "Forbidden", check.refusal(),
                        List.of()));
            }
            ReceivedRequest request = received(http, check.tenantId(), check.secretKey());
            return quota.admit(request.tenantId()).flatMap(admitted -> track.batch(json, request));
        }).map(TrackResponse::of).await().indefinitely();
    }

    /** A key in Authorization (Basic user name or Bearer) or X-Write-Key, as the security lib reads them. */
    private static String headerKey(HttpServerRequest http) {
        String authorization = http.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
                        java.nio.charset.StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return http.getHeader("X-Write-Key");
    }

    private Uni<TrackResponse> single(byte[] body, String encoding, HttpServerRequest http, String type) {
        ReceivedRequest request = received(http);
        JsonNode json = parse(body, encoding);
        return quota.admit(request.tenantId()).flatMap(admitted -> track.single(json, type, request)).map(TrackResponse::of);
    }

    private JsonNode parse(byte[] body, String encoding) {
        byte[] decoded = RequestBodies.decode(body, encoding, limits.maxRequestBytes());
        if (decoded.length == 0) {
            throw ProblemException.badRequest("body", "is empty; send a JSON event");
        }
        try {
            return EventJson.mapper().readTree(decoded);
        } catch (IOException e) {
            throw new ProblemException(400, "Invalid JSON", "the body is not valid JSON (UTF-8): " + firstLine(e.getMessage()),
                    List.of(new Problem.FieldError("body", "is not valid JSON")));
        }
    }

    private ReceivedRequest received(HttpServerRequest http) {
        Caller caller = callers.current();
        return received(http, callers.tenant(), caller.kind() == CallerKind.SECRET_KEY);
    }

    private ReceivedRequest received(HttpServerRequest http, java.util.UUID tenantId, boolean serverToServer) {
        return new ReceivedRequest(tenantId, serverToServer, OffsetDateTime.now(ZoneOffset.UTC),
                addresses.resolve(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), http.getHeader("Forwarded"),
                        http.getHeader("X-Forwarded-For")),
                http.getHeader("User-Agent"), http.getHeader("Referer"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
