package io.podcastplatform.identity.user.repository;

import io.podcastplatform.identity.user.service.User;
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
public class UserRepository {

    private static final String COLUMNS = "id, tenant_id, email, first_name, last_name, status, invited_by, created_at, last_login_at";

    public Uni<User> insertInvited(SqlClient tx, UUID id, UUID tenantId, String email, String firstName, String lastName, String invitedBy) {
        return tx.preparedQuery("INSERT INTO app_user (id, tenant_id, email, first_name, last_name, invited_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addUUID(tenantId).addString(email).addString(firstName).addString(lastName).addString(invitedBy))
                .map(rows -> toUser(rows.iterator().next()));
    }

    /**
     * Records a sign-in seen in a token: a user created in Keycloak directly (like the demo users) is added
     * on first sight, and the last login only moves forward.
     */
    public Uni<Void> recordLogin(SqlClient tx, UUID id, UUID tenantId, String email, OffsetDateTime at) {
        return retireRecreated(tx, id, tenantId, email).flatMap(done -> tx.preparedQuery("""
                        INSERT INTO app_user AS u (id, tenant_id, email, status, last_login_at) VALUES ($1, $2, $3, 'ACTIVE', $4)
                        ON CONFLICT (id) DO UPDATE
                           SET last_login_at = GREATEST(u.last_login_at, EXCLUDED.last_login_at),
                               status = CASE WHEN u.status = 'INVITED' THEN 'ACTIVE' ELSE u.status END
                         WHERE u.tenant_id = EXCLUDED.tenant_id""")
                .execute(Tuple.tuple().addUUID(id).addUUID(tenantId).addString(email).addOffsetDateTime(at)))
                .replaceWithVoid();
    }

    /**
     * A Keycloak user deleted and created again with the same email has a new id: the member record of
     * the old id is retired so the new one can take the email.
     */
    private static Uni<Void> retireRecreated(SqlClient tx, UUID id, UUID tenantId, String email) {
        return tx.preparedQuery("""
                        UPDATE app_user SET status = 'REMOVED', updated_at = now()
                        WHERE tenant_id = $2 AND lower(email) = lower($3) AND id <> $1 AND status <> 'REMOVED'""")
                .execute(Tuple.of(id, tenantId, email)).replaceWithVoid();
    }

    public Uni<Optional<User>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = $1 AND status <> 'REMOVED'").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toUser(rows.iterator().next())));
    }

    public Uni<List<User>> page(SqlClient tx, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM app_user WHERE status <> 'REMOVED'"
                + (beforeAt == null ? "" : " AND (created_at, id) < ($2, $3)") + " ORDER BY created_at DESC, id DESC LIMIT $1";
        return tx.preparedQuery(sql).execute(beforeAt == null ? Tuple.of(limit) : Tuple.of(limit, beforeAt, beforeId)).map(rows -> {
            List<User> users = new ArrayList<>();
            rows.forEach(row -> users.add(toUser(row)));
            return users;
        });
    }

    public Uni<Optional<User>> setStatus(SqlClient tx, UUID id, String status) {
        return tx.preparedQuery("UPDATE app_user SET status = $2, updated_at = now() WHERE id = $1 AND status <> 'REMOVED' RETURNING " + COLUMNS)
                .execute(Tuple.of(id, status))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toUser(rows.iterator().next())));
    }

    private static User toUser(Row row) {
        return new User(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("email"), row.getString("first_name"),
                row.getString("last_name"), row.getString("status"), row.getString("invited_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("last_login_at"));
    }
}
