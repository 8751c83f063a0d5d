package io.podcastplatform.events.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#CATALOG_SPONSOR_V1}: the current state of a sponsor,
 * keyed by its id. Contact details (email, contact name) stay in the catalog.
 *
 * @param deleted true once the sponsor is removed
 */
public record SponsorChanged(
        UUID id, UUID tenantId, String name, String company, String websiteUrl, String logoUrl, String industry,
        boolean deleted, long version, OffsetDateTime updatedAt) {

    public static final String TYPE = "io.podcastplatform.catalog.sponsor.changed";
}
