package io.podcastplatform.ingest.enrich.service;

import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.security.apikey.ApiKeyDirectory;
import io.podcastplatform.security.apikey.ApiKeyEntry;
import io.podcastplatform.security.permission.Action;
import io.podcastplatform.security.permission.Grant;
import io.podcastplatform.security.permission.PermissionChecker;
import io.podcastplatform.security.tenant.TenantStatuses;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a key the way the security lib does, for the pixel, which must answer its image before (and
 * whatever) the check says: the tenant whose key may write events, or a reason why not.
 */
@ApplicationScoped
public class WriteKeys {

    /**
     * The tenant and whether the key is a server's secret key, or the reason it is refused; a refusal
     * with a tenant is a forbidden (but known) key.
     */
    public record KeyCheck(UUID tenantId, String refusal, boolean secretKey) {

        KeyCheck(UUID tenantId, String refusal) {
            this(tenantId, refusal, false);
        }
    }

    private final ApiKeyDirectory directory;
    private final TenantStatuses tenants;

    public WriteKeys(ApiKeyDirectory directory, TenantStatuses tenants) {
        this.directory = directory;
        this.tenants = tenants;
    }

    public Uni<KeyCheck> check(String key) {
        if (key == null || key.isBlank()) {
            return Uni.createFrom().item(new KeyCheck(null, "writeKey: is missing"));
        }
        if (ApiKeySecrets.typeOf(key.strip()).isEmpty()) {
            return Uni.createFrom().item(new KeyCheck(null, "writeKey: is not an API key"));
        }
        return directory.findByHash(ApiKeySecrets.hash(key.strip())).flatMap(found -> {
            if (found.isEmpty() || !found.get().usableAt(OffsetDateTime.now())) {
                return Uni.createFrom().item(new KeyCheck(null, "writeKey: is unknown, revoked or expired"));
            }
            ApiKeyEntry entry = found.get();
            return tenants.of(entry.tenantId()).map(status -> new PermissionChecker(grants(entry), status.orElse(null))
                    .allows("events", Action.WRITE)
                    ? new KeyCheck(entry.tenantId(), null, entry.type() == ApiKeyType.SECRET)
                    : new KeyCheck(entry.tenantId(), "writeKey: may not write events (missing scope or suspended tenant)"));
        });
    }

    private static Set<Grant> grants(ApiKeyEntry entry) {
        if (entry.type() == ApiKeyType.WRITE) {
            return Set.of(Grant.parse("events:write"));
        }
        return entry.scopes().stream().map(Grant::parse).collect(Collectors.toUnmodifiableSet());
    }
}
