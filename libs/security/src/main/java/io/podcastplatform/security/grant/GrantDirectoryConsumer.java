package io.podcastplatform.security.grant;

import io.podcastplatform.events.Channels;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.identity.GrantsChanged;
import io.podcastplatform.messaging.inbox.ContractRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps {@code grant_directory} in step with {@link Topics#IDENTITY_GRANT_V1}. */
@ApplicationScoped
public class GrantDirectoryConsumer {

    private final GrantDirectory directory;
    private final ContractRecords records;

    public GrantDirectoryConsumer(GrantDirectory directory, ContractRecords records) {
        this.directory = directory;
        this.records = records;
    }

    @Incoming(Channels.GRANT_DIRECTORY)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return records.consume(record, GrantsChanged.class, directory::apply);
    }
}
