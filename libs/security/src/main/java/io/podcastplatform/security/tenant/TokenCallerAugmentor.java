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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the caller of a verified Keycloak token: the tenant comes from its {@code tenant_id} claim
 * (set by the realm from the user's attribute, never by the client) and the grants from its realm roles.
 */
@ApplicationScoped
public class TokenCallerAugmentor implements SecurityIdentityAugmentor {

    public static final String TENANT_CLAIM = "tenant_id";

    private final TenantStatuses tenants;

    public TokenCallerAugmentor(TenantStatuses tenants) {
        this.tenants = tenants;
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
        return tenants.of(tenantId).map(status -> CallerIdentities.build(identity, null, caller,
                new PermissionChecker(tenantId == null && !platformAdmin ? java.util.Set.of() : SystemRoles.grantsOf(identity.getRoles()),
                        status.orElse(null))));
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
