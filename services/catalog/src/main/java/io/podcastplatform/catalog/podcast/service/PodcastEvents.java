package io.podcastplatform.catalog.podcast.service;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.catalog.PodcastChanged;
import io.podcastplatform.messaging.outbox.OutboxEvent;
import io.podcastplatform.messaging.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/** Puts a podcast's state on {@code catalog.podcast.v1} (compacted, keyed by id) in the caller's transaction. */
@ApplicationScoped
public class PodcastEvents {

    private final OutboxWriter outbox;

    public PodcastEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(SqlClient tx, Podcast podcast) {
        PodcastChanged changed = new PodcastChanged(podcast.id(), podcast.tenantId(), podcast.title(), podcast.feedUrl(),
                podcast.websiteUrl(), podcast.imageUrl(), podcast.deletedAt() != null, podcast.version(), podcast.updatedAt());
        return outbox.append(tx, new OutboxEvent(Topics.CATALOG_PODCAST_V1, podcast.id().toString(), PodcastChanged.TYPE,
                podcast.tenantId(), podcast.id().toString(), changed)).replaceWithVoid();
    }
}
