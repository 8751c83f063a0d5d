package io.podcastplatform.analytics.episode.messaging;

import io.podcastplatform.analytics.episode.repository.EpisodeCopyRepository;
import io.podcastplatform.events.catalog.EpisodeChanged;
import io.podcastplatform.messaging.inbox.ContractRecords;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps {@code episode_copy} in step with {@code catalog.episode.v1}, each episode under its own tenant. */
@ApplicationScoped
public class EpisodeCopyConsumer {

    public static final String CHANNEL = "catalog-episodes";

    private final EpisodeCopyRepository episodes;
    private final TenantTransactions transactions;
    private final ContractRecords records;

    public EpisodeCopyConsumer(EpisodeCopyRepository episodes, TenantTransactions transactions, ContractRecords records) {
        this.episodes = episodes;
        this.transactions = transactions;
        this.records = records;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return records.consume(record, EpisodeChanged.class,
                episode -> transactions.inTenant(episode.tenantId(), tx -> episodes.apply(tx, episode)));
    }
}
