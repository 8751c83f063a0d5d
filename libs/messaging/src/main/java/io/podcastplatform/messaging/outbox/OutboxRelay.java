package io.podcastplatform.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.events.Channels;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.messaging.MessagingConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka and marks them published in the same transaction that
 * claimed them. A crash between the broker's acknowledgement and the commit publishes the row again:
 * delivery is at least once, and consumers de-duplicate on the CloudEvents id. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas relay side by side without publishing a row twice
 * concurrently, and rows of one key keep their order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            SELECT id, topic, message_key, source, type, tenant_id, subject, occurred_at, payload::text AS payload
            FROM outbox_event
            WHERE published_at IS NULL
            ORDER BY created_at, id
            LIMIT $1
            FOR UPDATE SKIP LOCKED""";
    private static final String MARK_PUBLISHED =
            "UPDATE outbox_event SET published_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1)";
    private static final String RECORD_FAILURE =
            "UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)";
    private static final String PURGE = "DELETE FROM outbox_event WHERE published_at < $1";

    private final Vertx vertx;
    private final Pool pool;
    private final MutinyEmitter<byte[]> emitter;
    private final MessagingConfig config;
    private final Counter published;
    private final Counter failures;
    private volatile boolean stopped;

    public OutboxRelay(Vertx vertx, PgPool pool, @Channel(Channels.OUTBOX_RELAY) MutinyEmitter<byte[]> emitter,
                       MessagingConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.published = registry.counter("platform.outbox.published");
        this.failures = registry.counter("platform.outbox.publish.failures");
    }

    void start(@Observes StartupEvent start) {
        if (config.outbox().enabled()) {
            scheduleNext(Duration.ofSeconds(1));
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
    }

    /**
     * One round, then the next: at once while rounds come back full (draining a backlog), after the poll
     * interval otherwise. Rounds never overlap, and a failed round is retried on the next tick.
     */
    private void scheduleNext(Duration delay) {
        if (stopped) {
            return;
        }
        vertx.setTimer(Math.max(1, delay.toMillis()), tick -> relayBatch()
                .onFailure().invoke(failure -> {
                    if (!stopped) {
                        LOG.warnf("outbox relay round failed, rows stay queued: %s", failure.toString());
                    }
                })
                .onFailure().recoverWithItem(0)
                .subscribe().with(count -> scheduleNext(count >= config.outbox().batchSize() ? Duration.ZERO : config.outbox().pollInterval())));
    }

    /** Publishes one batch of unpublished rows; returns how many were published. */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(config.outbox().batchSize()))
                .flatMap(rows -> publish(connection, rows)));
    }

    private Uni<Integer> publish(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(0);
        }
        List<UUID> ids = new ArrayList<>(rows.size());
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getUUID("id"));
            sends.add(emitter.sendMessage(toMessage(row)));
        }
        UUID[] claimed = ids.toArray(UUID[]::new);
        return Uni.join().all(sends).andCollectFailures()
                .onFailure().call(failure -> recordFailure(claimed, failure))
                .flatMap(sent -> connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(claimed)))
                .invoke(() -> published.increment(claimed.length))
                .replaceWith(claimed.length);
    }

    /** Notes the failure outside the claiming transaction, which is about to roll back. */
    private Uni<Void> recordFailure(UUID[] ids, Throwable failure) {
        failures.increment(ids.length);
        String reason = String.valueOf(failure.getMessage());
        return pool.preparedQuery(RECORD_FAILURE)
                .execute(Tuple.of(ids, reason.length() > 1000 ? reason.substring(0, 1000) : reason))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgePublished() {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(config.outbox().retention());
        return pool.preparedQuery(PURGE).execute(Tuple.of(cutoff))
                .onFailure().invoke(failure -> LOG.warnf("outbox purge failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static Message<byte[]> toMessage(Row row) {
        CloudEvent event = new CloudEvent(
                row.getUUID("id"),
                row.getString("source"),
                row.getString("type"),
                row.getOffsetDateTime("occurred_at"),
                row.getUUID("tenant_id"),
                row.getString("subject"),
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .withHeaders(new RecordHeaders(event.toHeaders()))
                .build();
        return Message.of(event.data()).addMetadata(metadata);
    }
}
