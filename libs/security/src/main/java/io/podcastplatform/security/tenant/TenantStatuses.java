package io.podcastplatform.security.tenant;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.podcastplatform.events.tenant.TenantStatus;
import io.podcastplatform.tenancy.directory.TenantDirectoryRepository;
import io.podcastplatform.tenancy.directory.TenantEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The status of a caller's tenant from this service's tenant directory, cached for two seconds so a
 * suspension reaches every request within seconds of its event. A tenant the directory does not know
 * yet (its event is still on the way) has no status: its verified token or key is trusted.
 */
@ApplicationScoped
public class TenantStatuses {

    private final AsyncLoadingCache<UUID, Optional<TenantStatus>> cache;

    public TenantStatuses(TenantDirectoryRepository directory) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofSeconds(2))
                .buildAsync((tenantId, executor) -> directory.find(tenantId)
                        .map(entry -> entry.map(TenantEntry::status))
                        .subscribeAsCompletionStage());
    }

    public Uni<Optional<TenantStatus>> of(UUID tenantId) {
        if (tenantId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Uni.createFrom().completionStage(() -> cache.get(tenantId));
    }
}
