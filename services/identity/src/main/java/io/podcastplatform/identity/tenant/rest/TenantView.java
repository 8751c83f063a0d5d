package io.podcastplatform.identity.tenant.rest;

import io.podcastplatform.identity.tenant.service.Tenant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

public record TenantView(UUID id, String slug, String name, String status, String tier, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.slug(), tenant.name(), tenant.status().name().toLowerCase(Locale.ROOT),
                tenant.tier(), tenant.createdAt(), tenant.updatedAt());
    }
}
