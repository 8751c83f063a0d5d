package io.podcastplatform.ingest.persist.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.deadletter.service.DeadLetters;
import io.podcastplatform.ingest.persist.repository.EventStore;
import io.podcastplatform.ingest.publish.messaging.IngestChannels;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Persists ingest's own event topics in batches (one poll = a statement per tenant and stream, or per part of
 * {@code ingest.persist.rows-per-statement} rows, several parts at once).
 * A record that can never be stored (no CloudEvents envelope, off the schema, refused by a table
 * constraint) goes to {@code ingest.dead-letter.v1} with the reason and is skipped; any other failure
 * (PostgreSQL down, a failover) retries the whole poll until it succeeds, and the offsets are committed
 * only after, so nothing is lost; message-id claims make the retry store nothing twice.
 */
@ApplicationScoped
public class IngestEventsConsumer {

    private static final Logger LOG = Logger.getLogger(IngestEventsConsumer.class);
    /**
     * The poll's offsets are committed to Kafka once this transaction is, so its commit must be on disk even
     * where the server runs {@code synchronous_commit = off} (as the local stack does): otherwise a PostgreSQL
     * crash loses stored-and-acknowledged events (fault/run.sh scenario b lost 97 of 102,800 that way).
     */
    private static final String DURABLE_COMMIT = "SET LOCAL synchronous_commit = on";

    private final TenantTransactions transactions;
    private final EventStore store;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final IngestConfig.Persist persist;

    public IngestEventsConsumer(TenantTransactions transactions, EventStore store, DeadLetters deadLetters, MeterRegistry registry,
                                IngestConfig config) {
        this.transactions = transactions;
        this.store = store;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.persist = config.persist();
    }

    /**
     * One poll: the records arrive decoded ({@link IngestRecordDeserializer} runs in the Kafka consumer's poll, on its
     * polling thread, while the previous poll was being stored), are grouped by tenant and stored; unusable ones are
     * dead-lettered.
     */
    @Incoming(IngestChannels.EVENTS_IN)
    public Uni<Void> persist(ConsumerRecords<String, DecodedRecord> records) {
        long started = System.nanoTime();
        Map<UUID, TenantBatch> byTenant = new LinkedHashMap<>();
        for (ConsumerRecord<String, DecodedRecord> record : records) {
            DecodedRecord decoded = record.value() == null ? DecodedRecord.unusable("record has no data", null, null) : record.value();
            if (decoded.usable()) {
                byTenant.computeIfAbsent(decoded.event().tenantId(), TenantBatch::new).add(decoded.event(), record.topic(), decoded.payload());
            } else {
                LOG.warnf("dead-lettered unusable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        decoded.unusableBecause());
                deadLetters.record(decoded.headerTenant(), "CONSUMER", decoded.unusableBecause(), record.topic(), null, text(decoded.payload()));
            }
        }
        int count = records.count();
        return store(byTenant, count)
                .invoke(() -> LOG.debugf("stored a poll of %d records in %d ms", count, (System.nanoTime() - started) / 1_000_000));
    }

    /**
     * Stores every tenant's events in parts (one stream, at most {@code rows-per-statement} rows), several at once:
     * PostgreSQL then works on a poll with more than one backend while the next part is being encoded (with one
     * statement after the other, the database stood idle half of the time once the API's load was over; bench/run.sh,
     * 2026-12-06). Each part is a transaction of its own; a failed poll is retried whole, and the parts stored before
     * store nothing again (their message ids are claimed).
     */
    private Uni<Void> store(Map<UUID, TenantBatch> byTenant, int recordCount) {
        List<TenantBatch> parts = new ArrayList<>();
        byTenant.values().forEach(batch -> parts.addAll(batch.parts(persist.rowsPerStatement())));
        return Multi.createFrom().iterable(parts)
                .onItem().transformToUni(this::storeOrIsolate).merge(persist.parallelStatements())
                .collect().last()
                .onFailure().invoke(failure -> LOG.warnf("batch of %d records not yet stored, retrying: %s", recordCount, failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .replaceWithVoid();
    }

    private Uni<Integer> storeOrIsolate(TenantBatch batch) {
        return store(batch).onFailure(IngestEventsConsumer::isDataError).recoverWithUni(failure -> {
            if (batch.size() == 1) {
                TenantBatch.Entry<?> poison = batch.only();
                String reason = "refused by the database: " + failure.getMessage();
                LOG.warnf("dead-lettered a %s record of tenant %s: %s", poison.topic(), batch.tenantId, reason);
                deadLetters.record(batch.tenantId, "CONSUMER", reason, poison.topic(), null, text(poison.payload()));
                return Uni.createFrom().item(0);
            }
            // one event spoils the statement: store them one by one to find it
            return Multi.createFrom().iterable(batch.singles())
                    .onItem().transformToUniAndConcatenate(this::storeOrIsolate)
                    .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
        });
    }

    private Uni<Integer> store(TenantBatch batch) {
        return transactions.inTenant(batch.tenantId, tx -> tx.query(DURABLE_COMMIT).execute()
                .flatMap(durable -> store.storeListenerEvents(tx, batch.tenantId, TenantBatch.events(batch.listener)))
                .flatMap(listener -> store.storeAttributionEvents(tx, batch.tenantId, TenantBatch.events(batch.attribution))
                        .flatMap(attribution -> store.storeConversionEvents(tx, batch.tenantId, TenantBatch.events(batch.conversion))
                                .flatMap(conversion -> store.storeDownloadRequests(tx, batch.tenantId, TenantBatch.events(batch.download))
                                        .map(download -> {
                                            count("listener", listener);
                                            count("attribution", attribution);
                                            count("conversion", conversion);
                                            count("download", download);
                                            return listener + attribution + conversion + download;
                                        })))));
    }

    private void count(String stream, int stored) {
        if (stored > 0) {
            registry.counter("ingest.persisted", "stream", stream).increment(stored);
        }
    }

    /** Data exceptions (22xxx) and constraint violations (23xxx) will fail again however often they are retried. */
    private static boolean isDataError(Throwable failure) {
        return failure instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }

    private static String text(byte[] value) {
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }
}
