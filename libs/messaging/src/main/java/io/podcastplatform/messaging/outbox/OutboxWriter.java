package io.podcastplatform.messaging.outbox;

import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.messaging.MessagingConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes events into the service's {@code outbox_event} table on the caller's transaction, so an event
 * exists if and only if the change it describes was committed.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, message_key, source, type, tenant_id, subject, occurred_at, payload)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb)""";

    private final MessagingConfig config;

    public OutboxWriter(MessagingConfig config) {
        this.config = config;
    }

    /**
     * Appends {@code event} within {@code transaction}; the data is checked against its topic's schema
     * first, so a contract violation fails the change instead of reaching consumers.
     *
     * @return the CloudEvents id given to the event
     */
    public Uni<UUID> append(SqlClient transaction, OutboxEvent event) {
        byte[] json = EventJson.write(event.data());
        EventSchemas.requireValid(event.topic(), EventJson.tree(json));
        UUID id = UUID.randomUUID();
        Tuple row = Tuple.tuple()
                .addUUID(id)
                .addString(event.topic())
                .addString(event.key())
                .addString(config.source())
                .addString(event.type())
                .addUUID(event.tenantId())
                .addString(event.subject())
                .addOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC))
                .addString(new String(json, StandardCharsets.UTF_8));
        return transaction.preparedQuery(INSERT).execute(row).replaceWith(id);
    }
}
