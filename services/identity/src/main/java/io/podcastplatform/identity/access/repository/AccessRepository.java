package io.podcastplatform.identity.access.repository;

import io.podcastplatform.identity.access.service.AccessPolicy;
import io.podcastplatform.identity.access.service.CustomRole;
import io.podcastplatform.identity.access.service.RoleAssignment;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** SQL of custom roles, their assignments, access policies and the access log. */
@ApplicationScoped
public class AccessRepository {

    private static final String ROLE_COLUMNS = "id, name, description, permissions, created_at";
    private static final String POLICY_COLUMNS = "id, name, effect, resource, action, conditions, priority, enabled, log_decisions, created_at";

    public Uni<CustomRole> insertRole(SqlClient tx, UUID tenantId, String name, String description, List<String> permissions) {
        return tx.preparedQuery("INSERT INTO custom_role (id, tenant_id, name, description, permissions) VALUES ($1, $2, $3, $4, $5) RETURNING " + ROLE_COLUMNS)
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(tenantId).addString(name).addString(description)
                        .addArrayOfString(permissions.toArray(String[]::new)))
                .map(rows -> toRole(rows.iterator().next()));
    }

    public Uni<Optional<CustomRole>> updateRole(SqlClient tx, UUID id, String description, List<String> permissions) {
        return tx.preparedQuery("UPDATE custom_role SET description = COALESCE($2, description), permissions = COALESCE($3, permissions), "
                        + "updated_at = now() WHERE id = $1 RETURNING " + ROLE_COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addString(description)
                        .addArrayOfString(permissions == null ? null : permissions.toArray(String[]::new)))
                .map(rows -> optional(rows, AccessRepository::toRole));
    }

    public Uni<Boolean> deleteRole(SqlClient tx, UUID id) {
        return tx.preparedQuery("DELETE FROM custom_role WHERE id = $1").execute(Tuple.of(id)).map(result -> result.rowCount() == 1);
    }

    public Uni<List<CustomRole>> roles(SqlClient tx) {
        return tx.query("SELECT " + ROLE_COLUMNS + " FROM custom_role ORDER BY name").execute().map(rows -> list(rows, AccessRepository::toRole));
    }

    public Uni<Optional<CustomRole>> role(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + ROLE_COLUMNS + " FROM custom_role WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> optional(rows, AccessRepository::toRole));
    }

    public Uni<Void> assign(SqlClient tx, UUID tenantId, UUID userId, UUID roleId, String assignedBy, OffsetDateTime expiresAt) {
        return tx.preparedQuery("""
                        INSERT INTO user_role (tenant_id, user_id, role_id, assigned_by, expires_at) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (user_id, role_id) DO UPDATE
                           SET assigned_by = EXCLUDED.assigned_by, assigned_at = now(), expires_at = EXCLUDED.expires_at""")
                .execute(Tuple.tuple().addUUID(tenantId).addUUID(userId).addUUID(roleId).addString(assignedBy).addOffsetDateTime(expiresAt))
                .replaceWithVoid();
    }

    public Uni<Boolean> unassign(SqlClient tx, UUID userId, UUID roleId) {
        return tx.preparedQuery("DELETE FROM user_role WHERE user_id = $1 AND role_id = $2").execute(Tuple.of(userId, roleId))
                .map(result -> result.rowCount() == 1);
    }

    /** A member's custom roles, expired ones included (the API shows them; grants leave them out). */
    public Uni<List<RoleAssignment>> assignments(SqlClient tx, UUID userId) {
        return tx.preparedQuery("""
                        SELECT r.id, r.name, r.permissions, ur.assigned_by, ur.assigned_at, ur.expires_at
                        FROM user_role ur JOIN custom_role r ON r.id = ur.role_id WHERE ur.user_id = $1 ORDER BY r.name""")
                .execute(Tuple.of(userId))
                .map(rows -> list(rows, row -> new RoleAssignment(row.getUUID("id"), row.getString("name"),
                        Arrays.asList(row.getArrayOfStrings("permissions")), row.getString("assigned_by"),
                        row.getOffsetDateTime("assigned_at"), row.getOffsetDateTime("expires_at"))));
    }

    /** Extra grants a member holds as a member of active teams. */
    public Uni<List<String>> teamPermissions(SqlClient tx, UUID userId) {
        return tx.preparedQuery("""
                        SELECT DISTINCT unnest(m.permissions) AS permission
                        FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.user_id = $1 AND t.is_active""")
                .execute(Tuple.of(userId))
                .map(rows -> list(rows, row -> row.getString("permission")));
    }

    public Uni<Long> nextGrantVersion(SqlClient tx) {
        return tx.query("SELECT nextval('grant_version') AS version").execute().map(rows -> rows.iterator().next().getLong("version"));
    }

    public Uni<List<UUID>> holdersOf(SqlClient tx, UUID roleId) {
        return tx.preparedQuery("SELECT user_id FROM user_role WHERE role_id = $1").execute(Tuple.of(roleId))
                .map(rows -> list(rows, row -> row.getUUID("user_id")));
    }

    public Uni<List<UUID>> membersOf(SqlClient tx, UUID teamId) {
        return tx.preparedQuery("SELECT user_id FROM team_member WHERE team_id = $1").execute(Tuple.of(teamId))
                .map(rows -> list(rows, row -> row.getUUID("user_id")));
    }

    public Uni<AccessPolicy> insertPolicy(SqlClient tx, UUID tenantId, AccessPolicy policy) {
        return tx.preparedQuery("INSERT INTO access_policy (id, tenant_id, name, effect, resource, action, conditions, priority, enabled, log_decisions) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING " + POLICY_COLUMNS)
                .execute(Tuple.tuple().addUUID(policy.id()).addUUID(tenantId).addString(policy.name()).addString(policy.effect().name())
                        .addString(policy.resource()).addString(policy.action()).addValue(new JsonObject(new java.util.HashMap<>(policy.conditions())))
                        .addInteger(policy.priority()).addBoolean(policy.enabled()).addBoolean(policy.logDecisions()))
                .map(rows -> toPolicy(rows.iterator().next()));
    }

    public Uni<Optional<AccessPolicy>> setPolicyEnabled(SqlClient tx, UUID id, boolean enabled) {
        return tx.preparedQuery("UPDATE access_policy SET enabled = $2 WHERE id = $1 RETURNING " + POLICY_COLUMNS)
                .execute(Tuple.of(id, enabled)).map(rows -> optional(rows, AccessRepository::toPolicy));
    }

    public Uni<Boolean> deletePolicy(SqlClient tx, UUID id) {
        return tx.preparedQuery("DELETE FROM access_policy WHERE id = $1").execute(Tuple.of(id)).map(result -> result.rowCount() == 1);
    }

    public Uni<List<AccessPolicy>> policies(SqlClient tx) {
        return tx.query("SELECT " + POLICY_COLUMNS + " FROM access_policy ORDER BY priority DESC, name").execute()
                .map(rows -> list(rows, AccessRepository::toPolicy));
    }

    public Uni<Void> logDecision(SqlClient tx, UUID tenantId, String subjectId, String resource, String action, boolean allowed,
                                 String decidedBy, String policy, Map<String, Object> attributes) {
        return tx.preparedQuery("INSERT INTO access_log (id, tenant_id, subject_id, resource, action, allowed, decided_by, policy, attributes) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(tenantId).addString(subjectId).addString(resource)
                        .addString(action).addBoolean(allowed).addString(decidedBy).addString(policy)
                        .addValue(new JsonObject(new java.util.HashMap<>(attributes))))
                .replaceWithVoid();
    }

    public Uni<List<Map<String, Object>>> accessLog(SqlClient tx, String subjectId, int limit) {
        String sql = "SELECT id, occurred_at, subject_id, resource, action, allowed, decided_by, policy FROM access_log"
                + (subjectId == null ? "" : " WHERE subject_id = $2") + " ORDER BY occurred_at DESC, id DESC LIMIT $1";
        return tx.preparedQuery(sql).execute(subjectId == null ? Tuple.of(limit) : Tuple.of(limit, subjectId))
                .map(rows -> list(rows, row -> Map.<String, Object>of(
                        "id", row.getUUID("id"), "occurredAt", row.getOffsetDateTime("occurred_at"), "subjectId", row.getString("subject_id"),
                        "resource", row.getString("resource"), "action", row.getString("action"), "allowed", row.getBoolean("allowed"),
                        "decidedBy", row.getString("decided_by"), "policy", row.getString("policy") == null ? "" : row.getString("policy"))));
    }

    private static CustomRole toRole(Row row) {
        return new CustomRole(row.getUUID("id"), row.getString("name"), row.getString("description"),
                Arrays.asList(row.getArrayOfStrings("permissions")), row.getOffsetDateTime("created_at"));
    }

    @SuppressWarnings("unchecked")
    private static AccessPolicy toPolicy(Row row) {
        Map<String, Object> raw = row.getJsonObject("conditions").getMap();
        Map<String, Map<String, Object>> conditions = new java.util.LinkedHashMap<>();
        raw.forEach((path, test) -> conditions.put(path, test instanceof JsonObject json ? json.getMap() : (Map<String, Object>) test));
        return new AccessPolicy(row.getUUID("id"), row.getString("name"), AccessPolicy.Effect.valueOf(row.getString("effect")),
                row.getString("resource"), row.getString("action"), conditions, row.getInteger("priority"),
                row.getBoolean("enabled"), row.getBoolean("log_decisions"), row.getOffsetDateTime("created_at"));
    }

    private static <T> List<T> list(io.vertx.mutiny.sqlclient.RowSet<Row> rows, Function<Row, T> map) {
        List<T> result = new ArrayList<>();
        rows.forEach(row -> result.add(map.apply(row)));
        return result;
    }

    private static <T> Optional<T> optional(io.vertx.mutiny.sqlclient.RowSet<Row> rows, Function<Row, T> map) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map.apply(rows.iterator().next()));
    }
}
