package io.podcastplatform.identity.gdpr.repository;

import io.podcastplatform.identity.gdpr.service.GdprRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class GdprRequestRepository {

    private static final String COLUMNS = "id, tenant_id, type, subject_type, subject_id, status, notes, requested_by, requested_at, completed_at";

    public Uni<GdprRequest> insert(SqlClient tx, UUID id, UUID tenantId, String type, String subjectType, String subjectId, String requestedBy) {
        return tx.preparedQuery("INSERT INTO gdpr_request (id, tenant_id, type, subject_type, subject_id, requested_by) "
                        + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addUUID(tenantId).addString(type).addString(subjectType)
                        .addString(subjectId).addString(requestedBy))
                .map(rows -> toRequest(rows.iterator().next()));
    }

    public Uni<Optional<GdprRequest>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM gdpr_request WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRequest(rows.iterator().next())));
    }

    public Uni<List<GdprRequest>> page(SqlClient tx, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM gdpr_request" + (beforeAt == null ? "" : " WHERE (requested_at, id) < ($2, $3)")
                + " ORDER BY requested_at DESC, id DESC LIMIT $1";
        return tx.preparedQuery(sql).execute(beforeAt == null ? Tuple.of(limit) : Tuple.of(limit, beforeAt, beforeId)).map(rows -> {
            List<GdprRequest> requests = new ArrayList<>();
            rows.forEach(row -> requests.add(toRequest(row)));
            return requests;
        });
    }

    private static GdprRequest toRequest(Row row) {
        return new GdprRequest(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("type"), row.getString("subject_type"),
                row.getString("subject_id"), row.getString("status"), row.getString("notes"), row.getString("requested_by"),
                row.getOffsetDateTime("requested_at"), row.getOffsetDateTime("completed_at"));
    }
}
