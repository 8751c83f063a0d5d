package io.podcastplatform.catalog.sponsor.rest;

import io.podcastplatform.catalog.sponsor.service.Sponsor;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A sponsor as the API shows it. */
public record SponsorView(UUID id, String name, String company, String email, String contactName, String websiteUrl,
                          String logoUrl, String industry, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static SponsorView of(Sponsor sponsor) {
        return new SponsorView(sponsor.id(), sponsor.name(), sponsor.company(), sponsor.email(), sponsor.contactName(),
                sponsor.websiteUrl(), sponsor.logoUrl(), sponsor.industry(), sponsor.version(), sponsor.createdAt(),
                sponsor.updatedAt());
    }
}
