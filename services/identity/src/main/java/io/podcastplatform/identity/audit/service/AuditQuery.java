package io.podcastplatform.identity.audit.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Filters of the audit and security-event lists; null means any. {@code beforeAt}/{@code beforeId} are
 * the keyset cursor: entries strictly older than the last one of the previous page.
 */
public record AuditQuery(String actorId, String kind, String resourceType, String resourceId, Boolean success,
                         OffsetDateTime from, OffsetDateTime to, OffsetDateTime beforeAt, UUID beforeId, int limit) {
}
