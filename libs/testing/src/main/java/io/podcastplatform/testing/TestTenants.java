package io.podcastplatform.testing;

import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.tenant.TenantChanged;
import io.podcastplatform.events.tenant.TenantStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Tenants of one test: a fresh id and slug, announced on {@code identity.tenant.v1} as identity would,
 * so tests never depend on (or disturb) the demo tenants other suites use.
 */
public final class TestTenants {

    private TestTenants() {
    }

    public static UUID fresh() {
        UUID id = UUID.randomUUID();
        announce(id, TenantStatus.ACTIVE, 1);
        return id;
    }

    /** Publishes a new state of a tenant made by {@link #fresh()}; give each change a higher version. */
    public static void announce(UUID id, TenantStatus status, long version) {
        String slug = "t-" + id.toString().substring(0, 13);
        TenantChanged changed = new TenantChanged(id, slug, "Test tenant " + slug, status, "starter", version, OffsetDateTime.now());
        CloudEvent event = new CloudEvent(UUID.randomUUID(), "/identity", TenantChanged.TYPE, OffsetDateTime.now(), id,
                id.toString(), EventJson.write(changed));
        TestKafka.publish(Topics.IDENTITY_TENANT_V1, id.toString(), event);
    }
}
