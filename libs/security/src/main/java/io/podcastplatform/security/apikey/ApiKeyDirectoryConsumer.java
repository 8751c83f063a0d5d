package io.podcastplatform.security.apikey;

import io.podcastplatform.events.Channels;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyChanged;
import io.podcastplatform.messaging.inbox.ContractRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps {@code api_key_directory} in step with {@link Topics#IDENTITY_API_KEY_V1}. */
@ApplicationScoped
public class ApiKeyDirectoryConsumer {

    private final ApiKeyDirectory directory;
    private final ContractRecords records;

    public ApiKeyDirectoryConsumer(ApiKeyDirectory directory, ContractRecords records) {
        this.directory = directory;
        this.records = records;
    }

    @Incoming(Channels.API_KEY_DIRECTORY)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return records.consume(record, ApiKeyChanged.class, directory::apply);
    }
}
