package io.podcastplatform.ingest.deadletter.messaging;

import io.podcastplatform.events.ingest.DeadLetter;
import io.podcastplatform.ingest.deadletter.repository.DeadLetterRepository;
import io.podcastplatform.messaging.inbox.ContractRecords;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the tenants' dead letters listable. Letters without a tenant (an unknown key or slug) stay on
 * the topic only, for operators: no tenant may see them.
 */
@ApplicationScoped
public class DeadLetterConsumer {

    public static final String CHANNEL = "dead-letters-in";

    private final DeadLetterRepository letters;
    private final TenantTransactions transactions;
    private final ContractRecords records;

    public DeadLetterConsumer(DeadLetterRepository letters, TenantTransactions transactions, ContractRecords records) {
        this.letters = letters;
        this.transactions = transactions;
        this.records = records;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return records.consume(record, DeadLetter.class, letter -> letter.tenantId() == null
                ? Uni.createFrom().voidItem()
                : transactions.inTenant(letter.tenantId(), tx -> letters.insert(tx, letter)));
    }
}
