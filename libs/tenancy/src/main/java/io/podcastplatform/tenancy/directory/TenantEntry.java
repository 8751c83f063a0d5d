package io.podcastplatform.tenancy.directory;

import io.podcastplatform.events.tenant.TenantStatus;
import java.util.UUID;

/** What a service knows locally about a tenant. */
public record TenantEntry(UUID id, String slug, String name, TenantStatus status, String tier, long version) {
}
