package io.podcastplatform.catalog.podcast.service;

import io.podcastplatform.catalog.episode.repository.EpisodeRepository;
import io.podcastplatform.catalog.episode.service.EpisodeEvents;
import io.podcastplatform.catalog.podcast.repository.PodcastRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Podcasts of a tenant; each change and its catalog.podcast.v1 event commit together. */
@ApplicationScoped
public class PodcastCatalog {

    private final TenantTransactions transactions;
    private final PodcastRepository podcasts;
    private final EpisodeRepository episodes;
    private final PodcastEvents podcastEvents;
    private final EpisodeEvents episodeEvents;

    public PodcastCatalog(TenantTransactions transactions, PodcastRepository podcasts, EpisodeRepository episodes,
                          PodcastEvents podcastEvents, EpisodeEvents episodeEvents) {
        this.transactions = transactions;
        this.podcasts = podcasts;
        this.episodes = episodes;
        this.podcastEvents = podcastEvents;
        this.episodeEvents = episodeEvents;
    }

    /** Creates inside the caller's transaction (the idempotent create owns it). */
    public Uni<Podcast> create(SqlClient tx, UUID tenantId, String createdBy, PodcastChanges fields) {
        return podcasts.insert(tx, UUID.randomUUID(), tenantId, createdBy, fields)
                .call(podcast -> podcastEvents.publish(tx, podcast));
    }

    public Uni<Podcast> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> podcasts.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("podcast", id)));
    }

    public Uni<List<Podcast>> page(UUID tenantId, OffsetDateTime beforeCreatedAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> podcasts.page(tx, beforeCreatedAt, beforeId, limit));
    }

    public Uni<Podcast> update(UUID tenantId, UUID id, PodcastChanges changes) {
        return transactions.inTenant(tenantId, tx -> podcasts.update(tx, id, changes)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("podcast", id)))
                .call(podcast -> podcastEvents.publish(tx, podcast)));
    }

    /** Retires the podcast and its episodes, so ingest stops resolving their enclosure URLs. */
    public Uni<Podcast> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> podcasts.softDelete(tx, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("podcast", id)))
                .call(podcast -> podcastEvents.publish(tx, podcast))
                .call(podcast -> episodes.softDeleteOfPodcast(tx, id).flatMap(retired -> episodeEvents.publishAll(tx, retired))));
    }
}
