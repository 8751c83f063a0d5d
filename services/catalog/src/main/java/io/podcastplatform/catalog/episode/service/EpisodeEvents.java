package io.podcastplatform.catalog.episode.service;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.catalog.EpisodeChanged;
import io.podcastplatform.messaging.outbox.OutboxEvent;
import io.podcastplatform.messaging.outbox.OutboxWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Puts an episode's state on {@code catalog.episode.v1} (compacted, keyed by id) in the caller's transaction. */
@ApplicationScoped
public class EpisodeEvents {

    private final OutboxWriter outbox;

    public EpisodeEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(SqlClient tx, Episode episode) {
        EpisodeChanged changed = new EpisodeChanged(episode.id(), episode.tenantId(), episode.podcastId(), episode.guid(),
                episode.title(), episode.audioUrl(), episode.enclosureLength(), episode.durationSeconds(),
                episode.publishDate(), episode.seasonNumber(), episode.episodeNumber(), episode.deletedAt() != null,
                episode.version(), episode.updatedAt());
        return outbox.append(tx, new OutboxEvent(Topics.CATALOG_EPISODE_V1, episode.id().toString(), EpisodeChanged.TYPE,
                episode.tenantId(), episode.id().toString(), changed)).replaceWithVoid();
    }

    /** One after the other: a transaction's connection runs one statement at a time anyway. */
    public Uni<Void> publishAll(SqlClient tx, List<Episode> episodes) {
        return Multi.createFrom().iterable(episodes)
                .onItem().transformToUniAndConcatenate(episode -> publish(tx, episode))
                .collect().last().replaceWithVoid();
    }
}
