package io.podcastplatform.ingest.download.messaging;

import io.podcastplatform.events.catalog.EpisodeChanged;
import io.podcastplatform.ingest.download.repository.EpisodeEnclosureRepository;
import io.podcastplatform.messaging.inbox.ContractRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps {@code episode_enclosure} in step with {@code catalog.episode.v1}. */
@ApplicationScoped
public class EpisodeCatalogConsumer {

    public static final String CHANNEL = "catalog-episodes";

    private final EpisodeEnclosureRepository episodes;
    private final ContractRecords records;

    public EpisodeCatalogConsumer(EpisodeEnclosureRepository episodes, ContractRecords records) {
        this.episodes = episodes;
        this.records = records;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return records.consume(record, EpisodeChanged.class, episodes::apply);
    }
}
