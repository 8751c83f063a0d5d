package io.podcastplatform.ingest.download.service;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.ClientContext;
import io.podcastplatform.events.ingest.DownloadRequest;
import io.podcastplatform.events.tenant.TenantStatus;
import io.podcastplatform.ingest.deadletter.service.DeadLetters;
import io.podcastplatform.ingest.download.repository.EpisodeEnclosureRepository;
import io.podcastplatform.ingest.download.repository.EpisodeEnclosureRepository.KnownEpisode;
import io.podcastplatform.ingest.download.repository.TenantSlugRepository;
import io.podcastplatform.ingest.download.repository.TenantSlugRepository.SluggedTenant;
import io.podcastplatform.ingest.enrich.service.ClientEnricher;
import io.podcastplatform.ingest.publish.messaging.DeferredPublisher;
import io.podcastplatform.ingest.publish.messaging.OutgoingEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Records download-prefix requests after the redirect has been answered. Tenants are known by slug
 * from an in-memory copy of the tenant directory refreshed every 10 s (a miss asks the
 * database, and an unknown slug is remembered for a second), so a PostgreSQL outage changes nothing for known tenants; episodes by enclosure URL from the
 * local catalog copy, cached a minute (a lookup that fails records the request without its episode).
 */
@ApplicationScoped
public class DownloadRecorder {

    private static final Logger LOG = Logger.getLogger(DownloadRecorder.class);

    /** A request as the prefix saw it. */
    public record PrefixRequest(String tenantSlug, String method, String enclosureKey, String redirectTo, OffsetDateTime requestedAt,
                                Optional<InetAddress> address, String userAgent, String range, String referer) {
    }

    private final TenantSlugRepository tenants;
    private final EpisodeEnclosureRepository episodes;
    private final ClientEnricher enricher;
    private final DeferredPublisher publisher;
    private final DeadLetters deadLetters;
    private final AsyncCache<String, Optional<KnownEpisode>> episodeCache =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).buildAsync();
    private final Map<String, SluggedTenant> bySlug = new ConcurrentHashMap<>();
    /** Slugs just found unknown, so a flood of made-up slugs costs one query per slug and second. */
    private final Cache<String, Boolean> unknownSlugs = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(1)).build();

    public DownloadRecorder(TenantSlugRepository tenants, EpisodeEnclosureRepository episodes, ClientEnricher enricher,
                            DeferredPublisher publisher, DeadLetters deadLetters) {
        this.tenants = tenants;
        this.episodes = episodes;
        this.enricher = enricher;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    @Scheduled(every = "10s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshTenants() {
        return refresh();
    }

    private Uni<Void> refresh() {
        return tenants.all().invoke(all -> {
                    bySlug.putAll(all);
                    bySlug.keySet().retainAll(all.keySet());
                }).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("tenant slugs not refreshed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    public void record(PrefixRequest request) {
        tenant(request.tenantSlug()).subscribe().with(tenant -> {
            if (tenant.isEmpty()) {
                deadLetters.record(null, "DOWNLOAD", "tenantSlug: no tenant is called " + request.tenantSlug(), null, null, request.redirectTo());
                return;
            }
            if (tenant.get().status() != TenantStatus.ACTIVE) {
                deadLetters.record(tenant.get().id(), "DOWNLOAD", "the tenant is " + tenant.get().status().name().toLowerCase(), null, null,
                        request.redirectTo());
                return;
            }
            UUID tenantId = tenant.get().id();
            episode(tenantId, request.enclosureKey()).subscribe().with(episode -> {
                ClientContext client = enricher.enrich(tenantId, request.requestedAt(), request.address(), request.userAgent(), request.referer());
                DownloadRequest download = new DownloadRequest(UUID.randomUUID(), tenantId, request.requestedAt(), request.method(),
                        request.redirectTo(), episode.map(KnownEpisode::episodeId).orElse(null), episode.map(KnownEpisode::podcastId).orElse(null),
                        cut(request.range(), 200), cut(request.referer(), 4000), client);
                if (!publisher.offer(new OutgoingEvent(Topics.INGEST_DOWNLOAD_REQUEST_V1, tenantId + ":" + request.redirectTo(),
                        DownloadRequest.TYPE, download.id(), tenantId, download))) {
                    LOG.debugf("download request of %s dropped: the buffer is full", request.tenantSlug());
                }
            });
        }, failure -> LOG.warnf("download request not recorded: %s", failure.toString()));
    }

    private Uni<Optional<SluggedTenant>> tenant(String slug) {
        SluggedTenant known = bySlug.get(slug);
        if (known != null) {
            return Uni.createFrom().item(Optional.of(known));
        }
        if (unknownSlugs.getIfPresent(slug) != null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tenants.find(slug).invoke(found -> {
            if (found.isPresent()) {
                bySlug.put(slug, found.get());
            } else {
                unknownSlugs.put(slug, Boolean.TRUE);
            }
        });
    }

    private Uni<Optional<KnownEpisode>> episode(UUID tenantId, String enclosureKey) {
        String cacheKey = tenantId + "|" + enclosureKey;
        return Uni.createFrom().completionStage(() -> episodeCache.get(cacheKey, (key, executor) ->
                        episodes.find(tenantId, enclosureKey).subscribeAsCompletionStage()))
                .onFailure().invoke(failure -> episodeCache.synchronous().invalidate(cacheKey))
                .onFailure().recoverWithItem(Optional.empty());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
