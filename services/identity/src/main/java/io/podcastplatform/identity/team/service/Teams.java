package io.podcastplatform.identity.team.service;

import io.podcastplatform.identity.access.repository.AccessRepository;
import io.podcastplatform.identity.access.service.GrantPublisher;
import io.podcastplatform.identity.team.repository.TeamRepository;
import io.podcastplatform.identity.user.repository.UserRepository;
import io.podcastplatform.security.permission.Grant;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Teams of a tenant; members must be members of the same tenant. */
@ApplicationScoped
public class Teams {

    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantTransactions transactions;
    private final TeamRepository teams;
    private final UserRepository users;
    private final AccessRepository access;
    private final GrantPublisher grants;

    public Teams(TenantTransactions transactions, TeamRepository teams, UserRepository users, AccessRepository access, GrantPublisher grants) {
        this.transactions = transactions;
        this.teams = teams;
        this.users = users;
        this.access = access;
        this.grants = grants;
    }

    public Uni<Team> create(UUID tenantId, String name, Map<String, Object> settings, String createdBy) {
        return transactions.inTenant(tenantId, tx -> teams.insert(tx, UUID.randomUUID(), tenantId, name, settings, createdBy))
                .onFailure(Teams::isDuplicate).transform(failure -> ProblemException.conflict("a team named '" + name + "' already exists"));
    }

    public Uni<List<Team>> list(UUID tenantId) {
        return transactions.inTenant(tenantId, teams::list);
    }

    public Uni<Team> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> teams.find(tx, id).flatMap(found -> found
                .map(team -> teams.members(tx, id).map(team::withMembers))
                .orElseGet(() -> Uni.createFrom().failure(ProblemException.notFound("team", id)))));
    }

    public Uni<Team> update(UUID tenantId, UUID id, String name, Map<String, Object> settings, Boolean active) {
        return transactions.inTenant(tenantId, tx -> teams.update(tx, id, name, settings, active)
                        .call(updated -> active == null || updated.isEmpty() ? Uni.createFrom().voidItem()
                                : access.membersOf(tx, id).flatMap(members -> grants.publish(tx, tenantId, members))))
                .onFailure(Teams::isDuplicate).transform(failure -> ProblemException.conflict("a team named '" + name + "' already exists"))
                .flatMap(updated -> updated.isEmpty() ? Uni.createFrom().failure(ProblemException.notFound("team", id)) : find(tenantId, id));
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> access.membersOf(tx, id).flatMap(members -> teams.delete(tx, id)
                .flatMap(deleted -> deleted ? grants.publish(tx, tenantId, members)
                        : Uni.createFrom().failure(ProblemException.notFound("team", id)))));
    }

    public Uni<Team> putMember(UUID tenantId, UUID teamId, UUID userId, String role, List<String> permissions) {
        for (int i = 0; i < permissions.size(); i++) {
            try {
                Grant.parse(permissions.get(i));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("permissions[" + i + "]", "must be resource:action");
            }
        }
        return transactions.inTenant(tenantId, tx -> teams.find(tx, teamId).flatMap(team -> {
            if (team.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("team", teamId));
            }
            return users.find(tx, userId).flatMap(user -> user.isEmpty()
                    ? Uni.createFrom().failure(ProblemException.notFound("user", userId))
                    : teams.putMember(tx, teamId, tenantId, userId, role, permissions)
                            .flatMap(done -> grants.publish(tx, tenantId, List.of(userId))));
        })).flatMap(done -> find(tenantId, teamId));
    }

    public Uni<Team> removeMember(UUID tenantId, UUID teamId, UUID userId) {
        return transactions.inTenant(tenantId, tx -> teams.removeMember(tx, teamId, userId)
                        .call(removed -> removed ? grants.publish(tx, tenantId, List.of(userId)) : Uni.createFrom().voidItem()))
                .flatMap(removed -> removed ? find(tenantId, teamId)
                        : Uni.createFrom().failure(ProblemException.notFound("member " + userId + " of team", teamId)));
    }

    private static boolean isDuplicate(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
