package io.podcastplatform.messaging.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The idempotent-consumer record: a consumer claims an event id inside the transaction that applies
 * the event, so a redelivered event (at-least-once delivery) is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM =
            "INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    public Uni<Boolean> firstDelivery(SqlClient transaction, String consumer, UUID eventId) {
        return transaction.preparedQuery(CLAIM).execute(Tuple.of(consumer, eventId))
                .map(result -> result.rowCount() == 1);
    }
}
