package io.podcastplatform.security.apikey;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.podcastplatform.events.apikey.ApiKeyChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks keys up by hash in this service's copy of {@code identity.api-key.v1}, without a network call.
 * Answers (including "no such key") are cached for two seconds: a revocation applied by any replica's
 * consumer is refused everywhere within that time, and this replica's own consumer drops the entry at once.
 */
@ApplicationScoped
public class ApiKeyDirectory {

    private final ApiKeyDirectoryRepository repository;
    private final AsyncLoadingCache<String, Optional<ApiKeyEntry>> cache;

    public ApiKeyDirectory(ApiKeyDirectoryRepository repository) {
        this.repository = repository;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofSeconds(2))
                .buildAsync((hash, executor) -> repository.findByHash(hash).subscribeAsCompletionStage());
    }

    public Uni<Optional<ApiKeyEntry>> findByHash(String keyHash) {
        return Uni.createFrom().completionStage(() -> cache.get(keyHash));
    }

    public Uni<Boolean> apply(ApiKeyChanged key) {
        return repository.apply(key).invoke(() -> cache.synchronous().invalidate(key.keyHash()));
    }
}
