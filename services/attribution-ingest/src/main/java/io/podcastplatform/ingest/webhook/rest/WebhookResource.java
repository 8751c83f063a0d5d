package io.podcastplatform.ingest.webhook.rest;

import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.track.service.RequestBodies;
import io.podcastplatform.ingest.webhook.service.Webhooks;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner webhooks: public, authenticated by the HMAC signature of the body with the integration's secret. */
@Path("/v1/webhooks/{partner}/{integrationId}")
@Tag(name = "Integrations")
public class WebhookResource {

    private final Webhooks webhooks;
    private final IngestConfig.Limits limits;

    public WebhookResource(Webhooks webhooks, IngestConfig config) {
        this.webhooks = webhooks;
        this.limits = config.limits();
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a partner delivery (Shopify orders/create): X-Shopify-Hmac-Sha256, X-Shopify-Triggered-At (±300 s), "
            + "X-Shopify-Webhook-Id; a delivery id seen before answers 200 duplicate and does nothing")
    public Uni<Webhooks.Delivery> receive(@PathParam("partner") String partner, @PathParam("integrationId") String integrationId, byte[] body,
                                          @HeaderParam("X-Shopify-Hmac-Sha256") String signature,
                                          @HeaderParam("X-Shopify-Triggered-At") String triggeredAt,
                                          @HeaderParam("X-Shopify-Webhook-Id") String webhookId, @HeaderParam("X-Shopify-Topic") String topic) {
        byte[] raw = RequestBodies.decode(body, null, limits.maxRequestBytes());
        return webhooks.receive(partner, integrationId, raw, new Webhooks.Signed(signature, triggeredAt, webhookId, topic));
    }
}
