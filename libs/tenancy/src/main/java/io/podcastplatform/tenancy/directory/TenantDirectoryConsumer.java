package io.podcastplatform.tenancy.directory;

import io.podcastplatform.events.Channels;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.tenant.TenantChanged;
import io.podcastplatform.messaging.inbox.ContractRecords;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps {@code tenant_directory} in step with {@link Topics#IDENTITY_TENANT_V1}. */
@ApplicationScoped
@IfBuildProperty(name = "platform.tenancy.directory.enabled", stringValue = "true", enableIfMissing = true)
public class TenantDirectoryConsumer {

    private final TenantDirectoryRepository directory;
    private final ContractRecords records;

    public TenantDirectoryConsumer(TenantDirectoryRepository directory, ContractRecords records) {
        this.directory = directory;
        this.records = records;
    }

    @Incoming(Channels.TENANT_DIRECTORY)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return records.consume(record, TenantChanged.class, directory::apply);
    }
}
