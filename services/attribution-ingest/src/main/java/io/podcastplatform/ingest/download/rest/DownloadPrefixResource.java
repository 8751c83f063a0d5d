package io.podcastplatform.ingest.download.rest;

import io.podcastplatform.ingest.download.repository.EpisodeEnclosureRepository;
import io.podcastplatform.ingest.download.service.DownloadRecorder;
import io.podcastplatform.ingest.enrich.service.ClientAddresses;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The download prefix: {@code /v1/e/<tenant slug>/<enclosure URL without scheme>} answers 302 to
 * {@code https://<enclosure URL>} at once and records the request afterwards, so neither Kafka nor
 * PostgreSQL can delay or fail a listener's download.
 */
@Path("/v1/e")
@Tag(name = "Download prefix", description = "Redirects podcast downloads to their file and records them")
public class DownloadPrefixResource {

    private static final String PREFIX = "/v1/e/";
    /** host[:port]/path, no scheme, no spaces or control characters, no user info. */
    private static final Pattern ENCLOSURE = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})(:[0-9]{1,5})?/[^\\s\\p{Cntrl}]*");
    private static final int MAX_URL = 4000;

    private final DownloadRecorder recorder;
    private final ClientAddresses addresses;

    public DownloadPrefixResource(DownloadRecorder recorder, ClientAddresses addresses) {
        this.recorder = recorder;
        this.addresses = addresses;
    }

    @GET
    @Path("/{tenantSlug}/{enclosure: .+}")
    @PermitAll
    @NonBlocking
    @Operation(summary = "Redirect a download to https://<enclosure> and record it")
    public Response get(@PathParam("tenantSlug") String tenantSlug, @Context HttpServerRequest http) {
        return redirect(tenantSlug, "GET", http);
    }

    @HEAD
    @Path("/{tenantSlug}/{enclosure: .+}")
    @PermitAll
    @NonBlocking
    public Response head(@PathParam("tenantSlug") String tenantSlug, @Context HttpServerRequest http) {
        return redirect(tenantSlug, "HEAD", http);
    }

    private Response redirect(String tenantSlug, String method, HttpServerRequest http) {
        String path = http.path();
        int start = PREFIX.length() + tenantSlug.length() + 1;
        String enclosure = path.length() > start ? path.substring(start) : "";
        if (enclosure.regionMatches(true, 0, "https:/", 0, 7) || enclosure.regionMatches(true, 0, "http:/", 0, 6)) {
            // some hosts put the scheme in; accept it rather than redirect to https://https://…
            enclosure = enclosure.substring(enclosure.indexOf(":/") + 2).replaceFirst("^/", "");
        }
        String target = "https://" + enclosure + (http.query() == null || http.query().isEmpty() ? "" : "?" + http.query());
        if (!ENCLOSURE.matcher(enclosure).matches() || target.length() > MAX_URL) {
            throw new ProblemException(400, "Invalid request", "the path must be /v1/e/<tenant slug>/<host>/<path of the file>",
                    List.of(new Problem.FieldError("enclosure", "is not a host followed by a path")));
        }
        try {
            record(tenantSlug, method, http, target);
        } catch (RuntimeException e) {
            // recording is best effort here; the listener gets the file whatever happens
            org.jboss.logging.Logger.getLogger(DownloadPrefixResource.class).warnf("download not recorded: %s", e.toString());
        }
        return Response.status(302).header("Location", target).header("Cache-Control", "private, no-store").build();
    }

    private void record(String tenantSlug, String method, HttpServerRequest http, String target) {
        recorder.record(new DownloadRecorder.PrefixRequest(tenantSlug, method, EpisodeEnclosureRepository.enclosureKey(target), target,
                OffsetDateTime.now(ZoneOffset.UTC),
                addresses.resolve(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), http.getHeader("Forwarded"),
                        http.getHeader("X-Forwarded-For")),
                http.getHeader("User-Agent"), http.getHeader("Range"), http.getHeader("Referer")));
    }
}
