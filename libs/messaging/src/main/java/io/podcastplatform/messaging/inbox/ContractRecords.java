package io.podcastplatform.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The consuming half of a topic contract: a record is read as a CloudEvent whose data must match the
 * topic's schema. A record that can never be applied is counted ({@code platform.consumer.rejected}),
 * logged and skipped, so it cannot block its partition; a failure to apply a good record (the database
 * is down) is retried until it succeeds, so nothing is lost.
 */
@ApplicationScoped
public class ContractRecords {

    private static final Logger LOG = Logger.getLogger(ContractRecords.class);

    private final MeterRegistry registry;

    public ContractRecords(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> Uni<Void> consume(ConsumerRecord<String, byte[]> record, Class<T> type, Function<T, Uni<?>> apply) {
        T data;
        try {
            CloudEvent event = CloudEvent.fromRecord(record.headers(), record.value());
            EventSchemas.requireValid(record.topic(), EventJson.tree(event.data()));
            data = EventJson.read(event.data(), type);
        } catch (MalformedEventException e) {
            registry.counter("platform.consumer.rejected", "topic", record.topic()).increment();
            LOG.warnf("skipped unusable record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> apply.apply(data))
                .onFailure().invoke(failure -> LOG.warnf("record %s-%d@%d not yet applied, retrying: %s",
                        record.topic(), record.partition(), record.offset(), failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .replaceWithVoid();
    }
}
