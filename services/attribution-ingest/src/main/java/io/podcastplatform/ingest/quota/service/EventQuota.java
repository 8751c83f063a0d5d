package io.podcastplatform.ingest.quota.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * What the API asks before accepting a tenant's events. Billing will publish entitlements; until then the
 * answer comes from ingest's own {@code event_quota} table ({@link TableEventQuota}).
 */
public interface EventQuota {

    /** The quota the tenant is over and when to try again; empty when it may send. */
    record OverQuota(String quota, Duration retryAfter) {
    }

    Uni<Optional<OverQuota>> check(UUID tenantId);

    /** Fails with a 429 problem (Retry-After, the quota named) when the tenant is over a quota. */
    default Uni<Void> admit(UUID tenantId) {
        return check(tenantId).map(over -> {
            if (over.isPresent()) {
                long seconds = Math.max(1, over.get().retryAfter().toSeconds());
                throw new WebApplicationException("the tenant is over its quota \"" + over.get().quota() + "\"; events are refused for "
                        + seconds + " s (Retry-After)", Response.status(429).header("Retry-After", Long.toString(seconds)).build());
            }
            return null;
        });
    }
}
