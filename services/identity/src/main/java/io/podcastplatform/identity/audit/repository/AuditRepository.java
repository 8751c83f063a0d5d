package io.podcastplatform.identity.audit.repository;

import io.podcastplatform.identity.audit.service.AuditEntry;
import io.podcastplatform.identity.audit.service.AuditQuery;
import io.podcastplatform.identity.audit.service.SecurityEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** SQL of the audit trail and security events; row-level security limits reads to the transaction's scope. */
@ApplicationScoped
public class AuditRepository {

    private static final String AUDIT_COLUMNS = "id, tenant_id, occurred_at, actor_id, actor_kind, action, resource_type, "
            + "resource_id, request_id, request_method, request_path, response_status, success, ip_address, user_agent";
    private static final String EVENT_COLUMNS = "id, tenant_id, occurred_at, event_type, severity, actor_id, credential, "
            + "description, request_id, request_method, request_path, ip_address, user_agent";

    public Uni<Void> insert(SqlClient tx, AuditEntry entry) {
        return tx.preparedQuery("INSERT INTO audit_log (" + AUDIT_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)")
                .execute(Tuple.tuple().addUUID(entry.id()).addUUID(entry.tenantId()).addOffsetDateTime(entry.occurredAt())
                        .addString(entry.actorId()).addString(entry.actorKind()).addString(entry.action())
                        .addString(entry.resourceType()).addString(entry.resourceId()).addString(entry.requestId())
                        .addString(entry.requestMethod()).addString(entry.requestPath()).addInteger(entry.responseStatus())
                        .addBoolean(entry.success()).addString(entry.ipAddress()).addString(entry.userAgent()))
                .replaceWithVoid();
    }

    public Uni<Void> insert(SqlClient tx, SecurityEvent event) {
        return tx.preparedQuery("INSERT INTO security_event (" + EVENT_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                .execute(Tuple.tuple().addUUID(event.id()).addUUID(event.tenantId()).addOffsetDateTime(event.occurredAt())
                        .addString(event.eventType()).addString(event.severity()).addString(event.actorId())
                        .addString(event.credential()).addString(event.description()).addString(event.requestId())
                        .addString(event.requestMethod()).addString(event.requestPath()).addString(event.ipAddress())
                        .addString(event.userAgent()))
                .replaceWithVoid();
    }

    /** Inserts an event imported from elsewhere once, however often it is seen. */
    public Uni<Boolean> insertIfNew(SqlClient tx, SecurityEvent event) {
        return tx.preparedQuery("INSERT INTO security_event (" + EVENT_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
                        + "ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.tuple().addUUID(event.id()).addUUID(event.tenantId()).addOffsetDateTime(event.occurredAt())
                        .addString(event.eventType()).addString(event.severity()).addString(event.actorId())
                        .addString(event.credential()).addString(event.description()).addString(event.requestId())
                        .addString(event.requestMethod()).addString(event.requestPath()).addString(event.ipAddress())
                        .addString(event.userAgent()))
                .map(result -> result.rowCount() == 1);
    }

    /** The tenant of a member, read in the platform scope. */
    public Uni<java.util.Optional<java.util.UUID>> tenantOfUser(SqlClient tx, java.util.UUID userId) {
        return tx.preparedQuery("SELECT tenant_id FROM app_user WHERE id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? java.util.Optional.empty() : java.util.Optional.of(rows.iterator().next().getUUID("tenant_id")));
    }

    public Uni<List<AuditEntry>> auditPage(SqlClient tx, AuditQuery query) {
        Filter filter = new Filter()
                .equal("actor_id", query.actorId())
                .equal("action", query.kind())
                .equal("resource_type", query.resourceType())
                .equal("resource_id", query.resourceId())
                .equal("success", query.success());
        return page(tx, "audit_log", AUDIT_COLUMNS, filter, query).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>();
            rows.forEach(row -> entries.add(toEntry(row)));
            return entries;
        });
    }

    public Uni<List<SecurityEvent>> securityPage(SqlClient tx, AuditQuery query) {
        Filter filter = new Filter()
                .equal("actor_id", query.actorId())
                .equal("event_type", query.kind());
        return page(tx, "security_event", EVENT_COLUMNS, filter, query).map(rows -> {
            List<SecurityEvent> events = new ArrayList<>();
            rows.forEach(row -> events.add(toEvent(row)));
            return events;
        });
    }

    private static Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> page(SqlClient tx, String table, String columns, Filter filter, AuditQuery query) {
        filter.atLeast("occurred_at", query.from()).before("occurred_at", query.to());
        if (query.beforeAt() != null) {
            filter.condition("(occurred_at, id) < ($" + (filter.size() + 1) + ", $" + (filter.size() + 2) + ")", query.beforeAt(), query.beforeId());
        }
        String sql = "SELECT " + columns + " FROM " + table + filter.where() + " ORDER BY occurred_at DESC, id DESC LIMIT " + query.limit();
        return tx.preparedQuery(sql).execute(filter.parameters());
    }

    private static AuditEntry toEntry(Row row) {
        return new AuditEntry(row.getUUID("id"), row.getUUID("tenant_id"), row.getOffsetDateTime("occurred_at"),
                row.getString("actor_id"), row.getString("actor_kind"), row.getString("action"), row.getString("resource_type"),
                row.getString("resource_id"), row.getString("request_id"), row.getString("request_method"),
                row.getString("request_path"), row.getInteger("response_status"), row.getBoolean("success"),
                row.getString("ip_address"), row.getString("user_agent"));
    }

    private static SecurityEvent toEvent(Row row) {
        return new SecurityEvent(row.getUUID("id"), row.getUUID("tenant_id"), row.getOffsetDateTime("occurred_at"),
                row.getString("event_type"), row.getString("severity"), row.getString("actor_id"), row.getString("credential"),
                row.getString("description"), row.getString("request_id"), row.getString("request_method"),
                row.getString("request_path"), row.getString("ip_address"), row.getString("user_agent"));
    }

    /** A WHERE clause of numbered parameters built from the filters that are set. */
    private static final class Filter {

        private final List<String> conditions = new ArrayList<>();
        private final Tuple parameters = Tuple.tuple();

        Filter equal(String column, Object value) {
            return value == null ? this : condition(column + " = $" + (size() + 1), value);
        }

        Filter atLeast(String column, Object value) {
            return value == null ? this : condition(column + " >= $" + (size() + 1), value);
        }

        Filter before(String column, Object value) {
            return value == null ? this : condition(column + " < $" + (size() + 1), value);
        }

        Filter condition(String condition, Object... values) {
            conditions.add(condition);
            for (Object value : values) {
                parameters.addValue(value);
            }
            return this;
        }

        int size() {
            return parameters.size();
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Tuple parameters() {
            return parameters;
        }
    }
}
