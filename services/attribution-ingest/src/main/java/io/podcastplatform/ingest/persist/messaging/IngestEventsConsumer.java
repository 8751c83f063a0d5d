package io.podcastplatform.ingest.persist.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.CloudEventHeaders;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.MalformedEventException;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.AttributionEvent;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.events.ingest.DownloadRequest;
import io.podcastplatform.events.ingest.ListenerEvent;
import io.podcastplatform.ingest.deadletter.service.DeadLetters;
import io.podcastplatform.ingest.persist.repository.EventStore;
import io.podcastplatform.ingest.publish.messaging.IngestChannels;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Persists ingest's own event topics in batches (one poll = one statement per tenant and stream).
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
    private static final Map<String, Class<?>> TYPES = Map.of(
            Topics.INGEST_LISTENER_EVENT_V1, ListenerEvent.class,
            Topics.INGEST_ATTRIBUTION_EVENT_V1, AttributionEvent.class,
            Topics.INGEST_CONVERSION_EVENT_V1, ConversionEvent.class,
            Topics.INGEST_DOWNLOAD_REQUEST_V1, DownloadRequest.class);

    /** The topics' schemas as plain checks (the general validator was ~5 % of the CPU); a topic missing here uses the validator. */
    private static final Map<String, CompiledSchema> SCHEMAS = compiledSchemas();

    private final TenantTransactions transactions;
    private final EventStore store;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;

    public IngestEventsConsumer(TenantTransactions transactions, EventStore store, DeadLetters deadLetters, MeterRegistry registry) {
        this.transactions = transactions;
        this.store = store;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Incoming(IngestChannels.EVENTS_IN)
    public Uni<Void> persist(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        Map<UUID, TenantBatch> byTenant = new LinkedHashMap<>();
        return offTheEventLoop(() -> decode(all, byTenant)).flatMap(decoded -> store(byTenant, all.size()));
    }

    /**
     * Decodes the poll on a worker thread, then continues on the consumer's own context, where its transactions
     * live: the consumer's event loop also answers HTTP requests, and decoding a poll there (even in slices of 20
     * records a turn) held the pixel and the redirect behind it, which they saw as their p99. One poll at a time, so
     * the order of the records is kept. (A worker thread was tried once before; the fault scenario d failure then
     * blamed on it was a race in the fault script, see the README.)
     */
    private static Uni<Void> offTheEventLoop(Runnable work) {
        Context context = Vertx.currentContext();
        Uni<Void> onWorker = Uni.createFrom().voidItem().emitOn(Infrastructure.getDefaultWorkerPool()).invoke(work);
        return context == null ? onWorker : onWorker.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private void decode(List<ConsumerRecord<String, byte[]>> records, Map<UUID, TenantBatch> byTenant) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Object event = decode(record);
            if (event != null) {
                byTenant.computeIfAbsent(tenantOf(event), TenantBatch::new).add(event, record.topic(), record.value());
            }
        }
    }

    private Uni<Void> store(Map<UUID, TenantBatch> byTenant, int recordCount) {
        return Multi.createFrom().iterable(byTenant.values())
                .onItem().transformToUniAndConcatenate(this::storeOrIsolate)
                .collect().last()
                .onFailure().invoke(failure -> LOG.warnf("batch of %d records not yet stored, retrying: %s", recordCount, failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .replaceWithVoid();
    }

    private Object decode(ConsumerRecord<String, byte[]> record) {
        Class<?> type = TYPES.get(record.topic());
        try {
            if (type == null) {
                throw new MalformedEventException("no ingest table takes records of " + record.topic());
            }
            CloudEvent envelope = CloudEvent.fromRecord(record.headers(), record.value());
            JsonNode data = EventJson.tree(envelope.data());
            CompiledSchema schema = SCHEMAS.get(record.topic());
            if (schema == null || !schema.accepts(data)) {
                // the general validator decides whatever the compiled check refused, and names the reason
                EventSchemas.requireValid(record.topic(), data);
            }
            // parsed once: the checked tree becomes the record, except a conversion, whose decimal value the
            // tree would hold as a double
            return type == ConversionEvent.class ? EventJson.read(envelope.data(), type) : asRecord(data, type);
        } catch (MalformedEventException e) {
            LOG.warnf("dead-lettered unusable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            deadLetters.record(headerTenant(record), "CONSUMER", e.getMessage(), record.topic(), null, text(record.value()));
            return null;
        }
    }

    private static Map<String, CompiledSchema> compiledSchemas() {
        Map<String, CompiledSchema> compiled = new HashMap<>();
        TYPES.keySet().forEach(topic -> CompiledSchema.of(topic).ifPresent(schema -> compiled.put(topic, schema)));
        return Map.copyOf(compiled);
    }

    private static Object asRecord(JsonNode data, Class<?> type) {
        try {
            return EventJson.mapper().treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event data is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
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

    private static UUID tenantOf(Object event) {
        if (event instanceof ListenerEvent e) {
            return e.tenantId();
        } else if (event instanceof AttributionEvent e) {
            return e.tenantId();
        } else if (event instanceof ConversionEvent e) {
            return e.tenantId();
        }
        return ((DownloadRequest) event).tenantId();
    }

    private static UUID headerTenant(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TENANT_ID);
        try {
            return header == null ? null : UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(byte[] value) {
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }
}
