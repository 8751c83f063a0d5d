package io.podcastplatform.catalog.offering.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A resource attached to an offering: tenant content, a file, a link or text, shown before, during or after it. */
public record OfferingResourceItem(UUID id, UUID offeringId, String resourceType, UUID contentId, String fileUrl, String linkUrl,
                                   String textContent, String title, String description, String availableWhen,
                                   OffsetDateTime unlockAt, int displayOrder, OffsetDateTime createdAt) {
}
