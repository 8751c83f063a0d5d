package io.podcastplatform.security.tenant;

import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.caller.CallerAttributes;
import io.podcastplatform.security.caller.CallerKind;
import io.podcastplatform.security.permission.PermissionChecker;
import io.podcastplatform.security.permission.SystemRoles;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.podcastplatform.security.grant.GrantDirectory;
import io.podcastplatform.security.permission.Grant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the caller of a verified Keycloak token: the tenant comes from its {@code tenant_id} claim
 * (set by the realm from the user's attribute, never by the client), the grants from its realm roles
 * plus the member's custom-role and team grants published by identity.
 */
@ApplicationScoped
public class TokenCallerAugmentor implements SecurityIdentityAugmentor {

    public static final String TENANT_CLAIM = "tenant_id";

    private final TenantStatuses tenants;
    private final GrantDirectory extraGrants;

    public TokenCallerAugmentor(TenantStatuses tenants, GrantDirectory extraGrants) {
        this.tenants = tenants;
        this.extraGrants = extraGrants;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(CallerAttributes.CALLER) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        boolean platformAdmin = identity.getRoles().contains(SystemRoles.PLATFORM_ADMIN);
        UUID tenantId = platformAdmin ? null : tenantOf(token);
        Caller caller = new Caller(tenantId, token.getSubject(), platformAdmin ? CallerKind.PLATFORM_ADMIN : CallerKind.USER,
                identity.getRoles(), null);
        if (tenantId == null) {
            return Uni.createFrom().item(CallerIdentities.build(identity, null, caller,
                    new PermissionChecker(platformAdmin ? SystemRoles.grantsOf(identity.getRoles()) : Set.of(), null)));
        }
        UUID userId = parseUuid(token.getSubject());
        Uni<Set<Grant>> custom = userId == null ? Uni.createFrom().item(Set.of()) : extraGrants.grantsOf(userId, tenantId);
        return Uni.combine().all().unis(tenants.of(tenantId), custom).asTuple().map(both -> {
            Set<Grant> grants = new HashSet<>(SystemRoles.grantsOf(identity.getRoles()));
            grants.addAll(both.getItem2());
            return CallerIdentities.build(identity, null, caller, new PermissionChecker(grants, both.getItem1().orElse(null)));
        });
    }

    private static UUID parseUuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID tenantOf(JsonWebToken token) {
        Object claim = token.getClaim(TENANT_CLAIM);
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
