package io.podcastplatform.ingest.webhook.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import io.podcastplatform.ingest.track.service.TrackService;
import io.podcastplatform.ingest.webhook.repository.IntegrationRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Partner webhooks, Shopify style: the signature is the base64 HMAC-SHA256 of the raw body with the
 * integration's signing secret; the delivery must carry a timestamp within the tolerance and a delivery
 * id. A delivery id already processed does nothing again (answered 200 {@code duplicate}: the partner
 * retries deliveries whose answer it missed, and a 4xx would make it keep retrying). The delivery is
 * recorded only after the broker acknowledged the conversion, so a failure in between is retried by the
 * partner and stored once (the message id is the order's).
 */
@ApplicationScoped
public class Webhooks {

    /** What the partner is told. */
    public record Delivery(boolean accepted, boolean duplicate, String orderId) {
    }

    /** The headers a delivery carries. */
    public record Signed(String signature, String timestamp, String deliveryId, String topic) {
    }

    private final IntegrationRepository integrations;
    private final TenantTransactions transactions;
    private final SecretBox secrets;
    private final TrackService track;
    private final Duration tolerance;

    public Webhooks(IntegrationRepository integrations, TenantTransactions transactions, SecretBox secrets, TrackService track,
                    IngestConfig config) {
        this.integrations = integrations;
        this.transactions = transactions;
        this.secrets = secrets;
        this.track = track;
        this.tolerance = config.integrations().timestampTolerance();
    }

    public Uni<Delivery> receive(String partner, String integrationIdText, byte[] body, Signed signed) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID integrationId = parseId(integrationIdText);
        if (integrationId == null || !Integrations.PARTNERS.contains(partner)) {
            return Uni.createFrom().failure(unauthorized("unknown integration"));
        }
        return transactions.inPlatformScope(tx -> integrations.tenantOf(tx, integrationId, partner)).flatMap(tenant -> {
            if (tenant.isEmpty()) {
                return Uni.createFrom().failure(unauthorized("unknown integration"));
            }
            UUID tenantId = tenant.get();
            return transactions.inTenant(tenantId, tx -> integrations.find(tx, tenantId, integrationId)
                            .flatMap(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<Boolean>empty())
                                    : verify(found.get(), body, signed, now).flatMap(ignored ->
                                    integrations.deliverySeen(tx, tenantId, integrationId, signed.deliveryId()).map(Optional::of))))
                    .flatMap(seen -> {
                        if (seen.isEmpty()) {
                            return Uni.createFrom().failure(unauthorized("unknown integration"));
                        }
                        if (seen.get()) {
                            return Uni.createFrom().item(new Delivery(false, true, null));
                        }
                        return accept(tenantId, integrationId, body, signed, now);
                    });
        });
    }

    private Uni<Void> verify(IntegrationRepository.StoredIntegration integration, byte[] body, Signed signed, OffsetDateTime now) {
        if (signed.signature() == null || signed.signature().isBlank()) {
            return Uni.createFrom().failure(unauthorized("X-Shopify-Hmac-Sha256 is missing"));
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signed.signature().strip());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(unauthorized("the signature does not match the body"));
        }
        byte[] expected = hmac(secrets.open(integration.id(), integration.secretCiphertext()), body);
        if (!MessageDigest.isEqual(expected, given)) {
            return Uni.createFrom().failure(unauthorized("the signature does not match the body"));
        }
        if (signed.timestamp() == null) {
            return Uni.createFrom().failure(unauthorized("X-Shopify-Triggered-At is missing"));
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(signed.timestamp().strip());
            if (Duration.between(at, now).abs().compareTo(tolerance) > 0) {
                return Uni.createFrom().failure(unauthorized("the delivery is stale: X-Shopify-Triggered-At is more than "
                        + tolerance.toSeconds() + " s from now"));
            }
        } catch (DateTimeParseException e) {
            return Uni.createFrom().failure(unauthorized("X-Shopify-Triggered-At is not an ISO-8601 time"));
        }
        if (signed.deliveryId() == null || signed.deliveryId().isBlank() || signed.deliveryId().length() > 200) {
            return Uni.createFrom().failure(ProblemException.badRequest("X-Shopify-Webhook-Id", "is required (at most 200 characters)"));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Delivery> accept(UUID tenantId, UUID integrationId, byte[] body, Signed signed, OffsetDateTime now) {
        if (signed.topic() != null && !"orders/create".equals(signed.topic().strip())) {
            // a topic we do not map: acknowledged so the partner stops sending it again, nothing recorded
            return Uni.createFrom().item(new Delivery(false, false, null));
        }
        JsonNode order;
        try {
            order = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return Uni.createFrom().failure(new ProblemException(400, "Invalid JSON", "the body is not valid JSON",
                    List.of(new Problem.FieldError("body", "is not valid JSON"))));
        }
        List<String> reasons = new ArrayList<>();
        ConversionEvent conversion = ShopifyOrders.conversion(tenantId, order, now, reasons);
        if (conversion == null) {
            return Uni.createFrom().failure(new ProblemException(400, "Invalid order", String.join("; ", reasons),
                    reasons.stream().map(reason -> {
                        int colon = reason.indexOf(':');
                        return new Problem.FieldError(reason.substring(0, colon), reason.substring(colon + 1).strip());
                    }).toList()));
        }
        OutgoingEvent event = new OutgoingEvent(Topics.INGEST_CONVERSION_EVENT_V1, tenantId + ":" + conversion.anonymousId(),
                ConversionEvent.TYPE, conversion.id(), tenantId, conversion);
        return track.publishAcknowledged(List.of(event))
                .flatMap(ignored -> transactions.inTenant(tenantId, tx -> integrations.recordDelivery(tx, tenantId, integrationId,
                        signed.deliveryId())))
                .replaceWith(new Delivery(true, false, conversion.orderId()));
    }

    private static UUID parseId(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of());
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
