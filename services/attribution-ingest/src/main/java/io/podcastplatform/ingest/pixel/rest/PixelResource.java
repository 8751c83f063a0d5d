package io.podcastplatform.ingest.pixel.rest;

import io.podcastplatform.ingest.enrich.service.ClientAddresses;
import io.podcastplatform.ingest.pixel.service.PixelService;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/pixel.gif")
@Tag(name = "Pixel", description = "A 1×1 GIF that records a page view or a conversion")
public class PixelResource {

    /** The smallest transparent GIF. */
    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final int MAX_QUERY = 16_384;

    private final PixelService pixels;
    private final ClientAddresses addresses;

    public PixelResource(PixelService pixels, ClientAddresses addresses) {
        this.pixels = pixels;
        this.addresses = addresses;
    }

    @GET
    @PermitAll
    @NonBlocking
    @Produces("image/gif")
    @Operation(summary = "Record a page view or conversion: writeKey, e=page_view|conversion, url, ref, utm_*, value, currency, order_id, "
            + "aid/uid, mid. Always answers the image; refused hits are dead-lettered")
    public Response pixel(@Context HttpServerRequest http) {
        String query = http.query() == null ? "" : http.query();
        Map<String, String> parameters = new HashMap<>();
        if (query.length() <= MAX_QUERY) {
            try {
                http.params().forEach(entry -> parameters.putIfAbsent(entry.getKey(), entry.getValue()));
            } catch (RuntimeException malformedQuery) {
                parameters.clear();
            }
        }
        pixels.record(new PixelService.PixelHit(parameters, OffsetDateTime.now(ZoneOffset.UTC),
                addresses.resolve(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), http.getHeader("Forwarded"),
                        http.getHeader("X-Forwarded-For")),
                http.getHeader("User-Agent"), http.getHeader("Referer"), query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY)));
        return Response.ok(GIF, "image/gif")
                .header("Cache-Control", "no-cache, no-store, must-revalidate, private, max-age=0")
                .header("Pragma", "no-cache")
                .header("Expires", "0")
                .build();
    }
}
