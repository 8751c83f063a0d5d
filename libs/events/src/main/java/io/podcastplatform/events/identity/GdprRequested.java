package io.podcastplatform.events.identity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#IDENTITY_GDPR_REQUEST_V1}: a data subject's export or
 * erasure request, for every service to act on for the data it holds of that subject in that tenant.
 *
 * @param subjectType {@code USER} (a Keycloak user id) or {@code LISTENER} (the userId or anonymousId an SDK sent)
 */
public record GdprRequested(UUID id, UUID tenantId, String type, String subjectType, String subjectId, OffsetDateTime requestedAt) {

    public static final String TYPE = "io.podcastplatform.identity.gdpr-request.received";
}
