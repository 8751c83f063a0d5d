package io.podcastplatform.identity.access.service;

import io.podcastplatform.identity.access.repository.AccessRepository;
import io.podcastplatform.identity.user.keycloak.KeycloakUsers;
import io.podcastplatform.identity.user.repository.UserRepository;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.permission.Action;
import io.podcastplatform.security.permission.Grant;
import io.podcastplatform.security.permission.SystemRoles;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * RBAC and ABAC of a tenant: custom roles and their assignments (with expiry), access policies, and the
 * decision of an access request from both, deny winning.
 */
@ApplicationScoped
public class AccessControl {

    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantTransactions transactions;
    private final AccessRepository access;
    private final UserRepository users;
    private final KeycloakUsers keycloak;
    private final GrantPublisher grants;

    public AccessControl(TenantTransactions transactions, AccessRepository access, UserRepository users, KeycloakUsers keycloak,
                         GrantPublisher grants) {
        this.transactions = transactions;
        this.access = access;
        this.users = users;
        this.keycloak = keycloak;
        this.grants = grants;
    }

    public Uni<CustomRole> createRole(UUID tenantId, String name, String description, List<String> permissions) {
        if (SystemRoles.isSystemRole(name)) {
            throw ProblemException.badRequest("name", "'" + name + "' is a system role");
        }
        requireGrants("permissions", permissions);
        return transactions.inTenant(tenantId, tx -> access.insertRole(tx, tenantId, name, description, permissions))
                .onFailure(AccessControl::isDuplicate).transform(failure -> ProblemException.conflict("a role named '" + name + "' already exists"));
    }

    public Uni<CustomRole> updateRole(UUID tenantId, UUID id, String description, List<String> permissions) {
        if (permissions != null) {
            requireGrants("permissions", permissions);
        }
        return transactions.inTenant(tenantId, tx -> access.updateRole(tx, id, description, permissions).flatMap(updated -> updated
                .map(role -> access.holdersOf(tx, id).flatMap(holders -> grants.publish(tx, tenantId, holders)).replaceWith(role))
                .orElseGet(() -> Uni.createFrom().failure(ProblemException.notFound("role", id)))));
    }

    public Uni<Void> deleteRole(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> access.holdersOf(tx, id).flatMap(holders -> access.deleteRole(tx, id)
                .flatMap(deleted -> deleted ? grants.publish(tx, tenantId, holders)
                        : Uni.createFrom().failure(ProblemException.notFound("role", id)))));
    }

    public Uni<List<CustomRole>> roles(UUID tenantId) {
        return transactions.inTenant(tenantId, access::roles);
    }

    public Uni<List<RoleAssignment>> assign(Caller caller, UUID tenantId, UUID userId, UUID roleId, OffsetDateTime expiresAt) {
        return transactions.inTenant(tenantId, tx -> requireMember(tx, userId)
                .flatMap(member -> access.role(tx, roleId))
                .flatMap(role -> role.isEmpty() ? Uni.createFrom().failure(ProblemException.notFound("role", roleId))
                        : access.assign(tx, tenantId, userId, roleId, caller.subject(), expiresAt))
                .flatMap(done -> grants.publish(tx, tenantId, List.of(userId)))
                .flatMap(done -> access.assignments(tx, userId)));
    }

    public Uni<List<RoleAssignment>> unassign(UUID tenantId, UUID userId, UUID roleId) {
        return transactions.inTenant(tenantId, tx -> access.unassign(tx, userId, roleId).flatMap(removed -> removed
                ? grants.publish(tx, tenantId, List.of(userId)).flatMap(done -> access.assignments(tx, userId))
                : Uni.createFrom().failure(ProblemException.notFound("role " + roleId + " of user", userId))));
    }

    public Uni<List<RoleAssignment>> assignments(UUID tenantId, UUID userId) {
        return transactions.inTenant(tenantId, tx -> requireMember(tx, userId).flatMap(member -> access.assignments(tx, userId)));
    }

    public Uni<AccessPolicy> createPolicy(UUID tenantId, AccessPolicy policy) {
        PolicyEvaluator.problemWith(policy.conditions()).ifPresent(problem -> {
            throw ProblemException.badRequest("conditions", problem);
        });
        return transactions.inTenant(tenantId, tx -> access.insertPolicy(tx, tenantId, policy))
                .onFailure(AccessControl::isDuplicate).transform(failure -> ProblemException.conflict("a policy named '" + policy.name() + "' already exists"));
    }

    public Uni<List<AccessPolicy>> policies(UUID tenantId) {
        return transactions.inTenant(tenantId, access::policies);
    }

    public Uni<AccessPolicy> setPolicyEnabled(UUID tenantId, UUID id, boolean enabled) {
        return transactions.inTenant(tenantId, tx -> access.setPolicyEnabled(tx, id, enabled))
                .map(updated -> updated.orElseThrow(() -> ProblemException.notFound("access policy", id)));
    }

    public Uni<Void> deletePolicy(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> access.deletePolicy(tx, id))
                .flatMap(deleted -> deleted ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ProblemException.notFound("access policy", id)));
    }

    /**
     * Decides whether {@code subjectId} (a member of the tenant) may perform {@code action} on
     * {@code resource}. The request attributes the server knows (the caller's address, the hour) are
     * its own; the client supplies the resource's attributes.
     */
    public Uni<PolicyEvaluator.Decision> evaluate(Caller caller, UUID tenantId, UUID subjectId, String resource, Action action,
                                                  Map<String, Object> resourceAttributes, Map<String, Object> requestAttributes,
                                                  String clientAddress, boolean log) {
        boolean self = subjectId.toString().equals(caller.subject());
        Uni<List<String>> systemRoles = self ? Uni.createFrom().item(List.copyOf(caller.roles())) : keycloak.realmRoles(subjectId);
        return transactions.inTenant(tenantId, tx -> (self ? Uni.createFrom().voidItem() : requireMember(tx, subjectId))
                .flatMap(member -> systemRoles)
                .flatMap(roles -> grantsOf(tx, subjectId, roles).flatMap(grants -> access.policies(tx).flatMap(policies -> {
                    Map<String, Object> request = new HashMap<>(requestAttributes);
                    request.put("ip", clientAddress);
                    request.put("hour", OffsetDateTime.now(ZoneOffset.UTC).getHour());
                    Map<String, Object> attributes = Map.of(
                            "subject", Map.of("id", subjectId.toString(), "roles", roles),
                            "resource", resourceAttributes,
                            "request", request);
                    PolicyEvaluator.Decision decision = PolicyEvaluator.decide(grants, policies, resource, action, attributes);
                    boolean policyAsksForLog = decision.policy() != null && policies.stream()
                            .anyMatch(policy -> policy.name().equals(decision.policy()) && policy.logDecisions());
                    if (!log && !policyAsksForLog) {
                        return Uni.createFrom().item(decision);
                    }
                    return access.logDecision(tx, tenantId, subjectId.toString(), resource, action.name().toLowerCase(java.util.Locale.ROOT),
                            decision.allowed(), decision.decidedBy(), decision.policy(), attributes).replaceWith(decision);
                }))));
    }

    public Uni<List<Map<String, Object>>> accessLog(UUID tenantId, String subjectId, int limit) {
        return transactions.inTenant(tenantId, tx -> access.accessLog(tx, subjectId, limit));
    }

    /** System-role grants, unexpired custom-role grants and active team grants of a member. */
    private Uni<Set<Grant>> grantsOf(SqlConnection tx, UUID userId, List<String> systemRoles) {
        return access.assignments(tx, userId).flatMap(assignments -> access.teamPermissions(tx, userId).map(teamPermissions -> {
            Set<Grant> grants = new HashSet<>(SystemRoles.grantsOf(systemRoles));
            OffsetDateTime now = OffsetDateTime.now();
            assignments.stream()
                    .filter(assignment -> assignment.expiresAt() == null || assignment.expiresAt().isAfter(now))
                    .flatMap(assignment -> assignment.permissions().stream())
                    .map(Grant::parse)
                    .forEach(grants::add);
            teamPermissions.stream().map(Grant::parse).forEach(grants::add);
            return grants;
        }));
    }

    private Uni<Void> requireMember(SqlConnection tx, UUID userId) {
        return users.find(tx, userId).flatMap(user -> user.isEmpty()
                ? Uni.createFrom().failure(ProblemException.notFound("user", userId)) : Uni.createFrom().voidItem());
    }

    private static void requireGrants(String field, List<String> permissions) {
        for (int i = 0; i < permissions.size(); i++) {
            try {
                Grant.parse(permissions.get(i));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(field + "[" + i + "]", "must be resource:action with action one of "
                        + "create, read, update, delete, execute, write, manage");
            }
        }
    }

    private static boolean isDuplicate(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
