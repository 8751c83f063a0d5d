package io.podcastplatform.identity.team.repository;

import io.podcastplatform.identity.team.service.Team;
import io.podcastplatform.identity.team.service.TeamMember;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TeamRepository {

    private static final String COLUMNS = "id, name, settings, is_active, created_by, created_at, updated_at";

    public Uni<Team> insert(SqlClient tx, UUID id, UUID tenantId, String name, Map<String, Object> settings, String createdBy) {
        return tx.preparedQuery("INSERT INTO team (id, tenant_id, name, settings, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS)
                .execute(Tuple.of(id, tenantId, name, new JsonObject(settings), createdBy))
                .map(rows -> toTeam(rows.iterator().next()));
    }

    public Uni<Optional<Team>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM team WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toTeam(rows.iterator().next())));
    }

    public Uni<List<Team>> list(SqlClient tx) {
        return tx.query("SELECT " + COLUMNS + " FROM team ORDER BY name").execute().map(rows -> {
            List<Team> teams = new ArrayList<>();
            rows.forEach(row -> teams.add(toTeam(row)));
            return teams;
        });
    }

    /** Null arguments keep the current value. */
    public Uni<Optional<Team>> update(SqlClient tx, UUID id, String name, Map<String, Object> settings, Boolean active) {
        return tx.preparedQuery("""
                        UPDATE team SET name = COALESCE($2, name), settings = COALESCE($3, settings),
                                        is_active = COALESCE($4, is_active), updated_at = now()
                        WHERE id = $1 RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id, name, settings == null ? null : new JsonObject(settings), active))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toTeam(rows.iterator().next())));
    }

    public Uni<Boolean> delete(SqlClient tx, UUID id) {
        return tx.preparedQuery("DELETE FROM team WHERE id = $1").execute(Tuple.of(id)).map(result -> result.rowCount() == 1);
    }

    public Uni<List<TeamMember>> members(SqlClient tx, UUID teamId) {
        return tx.preparedQuery("SELECT user_id, role, permissions, created_at FROM team_member WHERE team_id = $1 ORDER BY created_at")
                .execute(Tuple.of(teamId)).map(rows -> {
                    List<TeamMember> members = new ArrayList<>();
                    rows.forEach(row -> members.add(new TeamMember(row.getUUID("user_id"), row.getString("role"),
                            Arrays.asList(row.getArrayOfStrings("permissions")), row.getOffsetDateTime("created_at"))));
                    return members;
                });
    }

    public Uni<Void> putMember(SqlClient tx, UUID teamId, UUID tenantId, UUID userId, String role, List<String> permissions) {
        return tx.preparedQuery("""
                        INSERT INTO team_member (team_id, tenant_id, user_id, role, permissions) VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (team_id, user_id) DO UPDATE SET role = EXCLUDED.role, permissions = EXCLUDED.permissions, updated_at = now()""")
                .execute(Tuple.tuple().addUUID(teamId).addUUID(tenantId).addUUID(userId).addString(role)
                        .addArrayOfString(permissions.toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Boolean> removeMember(SqlClient tx, UUID teamId, UUID userId) {
        return tx.preparedQuery("DELETE FROM team_member WHERE team_id = $1 AND user_id = $2").execute(Tuple.of(teamId, userId))
                .map(result -> result.rowCount() == 1);
    }

    private static Team toTeam(Row row) {
        JsonObject settings = row.getJsonObject("settings");
        return new Team(row.getUUID("id"), row.getString("name"), settings == null ? Map.of() : settings.getMap(),
                row.getBoolean("is_active"), row.getString("created_by"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), List.of());
    }
}
