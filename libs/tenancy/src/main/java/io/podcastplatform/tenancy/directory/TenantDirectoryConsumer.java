package io.podcastplatform.tenancy.directory;

import io.micrometer.core.instrument.MeterRegistry;
import io.podcastplatform.events.Channels;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.MalformedEventException;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.tenant.TenantChanged;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@code tenant_directory} in step with {@link Topics#IDENTITY_TENANT_V1}. A record that can never
 * be applied (no envelope, data off the schema) is counted and skipped so it cannot block the partition;
 * a database outage is retried until the database answers, so no tenant change is lost.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.tenancy.directory.enabled", stringValue = "true", enableIfMissing = true)
public class TenantDirectoryConsumer {

    private static final Logger LOG = Logger.getLogger(TenantDirectoryConsumer.class);

    private final TenantDirectoryRepository directory;
    private final MeterRegistry registry;

    public TenantDirectoryConsumer(TenantDirectoryRepository directory, MeterRegistry registry) {
        this.directory = directory;
        this.registry = registry;
    }

    @Incoming(Channels.TENANT_DIRECTORY)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        TenantChanged tenant;
        try {
            CloudEvent event = CloudEvent.fromRecord(record.headers(), record.value());
            EventSchemas.requireValid(Topics.IDENTITY_TENANT_V1, EventJson.tree(event.data()));
            tenant = EventJson.read(event.data(), TenantChanged.class);
        } catch (MalformedEventException e) {
            registry.counter("platform.tenant_directory.rejected").increment();
            LOG.warnf("skipped unusable record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return directory.apply(tenant)
                .onFailure().invoke(failure -> LOG.warnf("tenant %s not yet applied, retrying: %s", tenant.id(), failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .replaceWithVoid();
    }
}
