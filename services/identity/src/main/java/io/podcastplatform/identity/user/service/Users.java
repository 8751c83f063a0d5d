package io.podcastplatform.identity.user.service;

import io.podcastplatform.identity.tenant.service.TenantRegistry;
import io.podcastplatform.identity.user.keycloak.KeycloakUsers;
import io.podcastplatform.identity.user.repository.UserRepository;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.permission.SystemRoles;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Members of a tenant. The Keycloak user is created first and removed again if the local record cannot
 * be written, so neither side keeps half an invitation.
 */
@ApplicationScoped
public class Users {

    /** Roles a tenant can hand out; platform-admin is not one of them. */
    public static final Set<String> TENANT_ROLES = Set.of(SystemRoles.OWNER, SystemRoles.ADMIN, SystemRoles.ANALYST,
            SystemRoles.VIEWER, SystemRoles.BILLING);

    private final TenantTransactions transactions;
    private final UserRepository users;
    private final KeycloakUsers keycloak;
    private final TenantRegistry tenants;

    public Users(TenantTransactions transactions, UserRepository users, KeycloakUsers keycloak, TenantRegistry tenants) {
        this.transactions = transactions;
        this.users = users;
        this.keycloak = keycloak;
        this.tenants = tenants;
    }

    public Uni<User> invite(Caller caller, UUID tenantId, String email, String firstName, String lastName, Set<String> roles) {
        requireGrantable(caller, roles);
        return tenants.find(caller, tenantId).flatMap(tenant -> keycloak.create(email, firstName, lastName, tenantId, tenant.slug()))
                .flatMap(userId -> keycloak.setRoles(userId, roles, TENANT_ROLES)
                        .flatMap(done -> transactions.inTenant(tenantId, tx -> users.insertInvited(tx, userId, tenantId, email, firstName, lastName, caller.subject())))
                        .onFailure().call(failure -> keycloak.delete(userId).onFailure().recoverWithNull()));
    }

    public Uni<User> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> users.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("user", id)));
    }

    public Uni<List<User>> page(UUID tenantId, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> users.page(tx, beforeAt, beforeId, limit));
    }

    /** Enables or disables sign-in and/or replaces the tenant roles of a member of the caller's tenant. */
    public Uni<User> update(Caller caller, UUID tenantId, UUID id, Boolean enabled, Set<String> roles) {
        if (roles != null) {
            requireGrantable(caller, roles);
        }
        return find(tenantId, id).flatMap(user -> {
            Uni<Void> roleChange = roles == null ? Uni.createFrom().voidItem() : keycloak.setRoles(id, roles, TENANT_ROLES);
            Uni<Void> enabling = enabled == null ? Uni.createFrom().voidItem() : keycloak.setEnabled(id, enabled);
            String status = enabled == null ? null : enabled ? (user.lastLoginAt() == null ? "INVITED" : "ACTIVE") : "DISABLED";
            return roleChange.flatMap(done -> enabling)
                    .flatMap(done -> status == null ? Uni.createFrom().item(user)
                            : transactions.inTenant(tenantId, tx -> users.setStatus(tx, id, status)).map(updated -> updated.orElse(user)));
        });
    }

    public Uni<Void> remove(UUID tenantId, UUID id) {
        return find(tenantId, id)
                .flatMap(user -> keycloak.delete(id))
                .flatMap(done -> transactions.inTenant(tenantId, tx -> users.setStatus(tx, id, "REMOVED")))
                .replaceWithVoid();
    }

    public Uni<Void> recordLogin(UUID userId, UUID tenantId, String email, OffsetDateTime at) {
        return transactions.inTenant(tenantId, tx -> users.recordLogin(tx, userId, tenantId, email, at));
    }

    /** Only an owner may make owners, so an admin cannot raise anyone (or themselves) above admin. */
    private static void requireGrantable(Caller caller, Set<String> roles) {
        for (String role : roles) {
            if (!TENANT_ROLES.contains(role)) {
                throw ProblemException.badRequest("roles", "unknown role '" + role + "'; one of " + TENANT_ROLES);
            }
        }
        if (roles.contains(SystemRoles.OWNER) && !caller.roles().contains(SystemRoles.OWNER)) {
            throw new ProblemException(403, "Forbidden", "only an owner can make another owner", List.of());
        }
    }
}
