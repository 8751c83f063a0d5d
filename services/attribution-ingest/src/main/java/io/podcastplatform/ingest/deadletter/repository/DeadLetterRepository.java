package io.podcastplatform.ingest.deadletter.repository;

import io.podcastplatform.events.ingest.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeadLetterRepository {

    /** A stored dead letter. */
    public record StoredDeadLetter(UUID id, String source, String reason, String topic, String messageId, String payload,
                                   OffsetDateTime receivedAt, OffsetDateTime replayedAt) {
    }

    private static final String INSERT = """
            INSERT INTO dead_letter (id, tenant_id, source, reason, topic, message_id, payload, received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING""";
    private static final String COLUMNS = "id, source, reason, topic, message_id, payload, received_at, replayed_at";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM dead_letter WHERE tenant_id = $1"
            + " AND ($2::timestamptz IS NULL OR (received_at, id) < ($2, $3)) ORDER BY received_at DESC, id DESC LIMIT $4";
    private static final String FIND_FOR_UPDATE = "SELECT " + COLUMNS + " FROM dead_letter WHERE tenant_id = $1 AND id = $2 FOR UPDATE";
    private static final String MARK_REPLAYED = "UPDATE dead_letter SET replayed_at = now() WHERE id = $1 AND replayed_at IS NULL";

    public Uni<Void> insert(SqlConnection tx, DeadLetter letter) {
        return tx.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(letter.id()).addUUID(letter.tenantId()).addString(letter.source())
                .addString(letter.reason()).addString(letter.topic()).addString(letter.messageId()).addString(letter.payload())
                .addOffsetDateTime(letter.receivedAt())).replaceWithVoid();
    }

    public Uni<List<StoredDeadLetter>> page(SqlConnection tx, UUID tenantId, OffsetDateTime beforeTime, UUID beforeId, int limit) {
        return tx.preparedQuery(PAGE).execute(Tuple.tuple().addUUID(tenantId).addOffsetDateTime(beforeTime).addUUID(beforeId).addInteger(limit))
                .map(rows -> {
                    List<StoredDeadLetter> page = new ArrayList<>();
                    rows.forEach(row -> page.add(toLetter(row)));
                    return page;
                });
    }

    public Uni<Optional<StoredDeadLetter>> lock(SqlConnection tx, UUID tenantId, UUID id) {
        return tx.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(tenantId, id))
                .map(rows -> rows.size() == 0 ? Optional.<StoredDeadLetter>empty() : Optional.of(toLetter(rows.iterator().next())));
    }

    public Uni<Void> markReplayed(SqlConnection tx, UUID id) {
        return tx.preparedQuery(MARK_REPLAYED).execute(Tuple.of(id)).replaceWithVoid();
    }

    private static StoredDeadLetter toLetter(Row row) {
        return new StoredDeadLetter(row.getUUID("id"), row.getString("source"), row.getString("reason"), row.getString("topic"),
                row.getString("message_id"), row.getString("payload"), row.getOffsetDateTime("received_at"),
                row.getOffsetDateTime("replayed_at"));
    }
}
