package io.podcastplatform.security.tenant;

import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.caller.CallerAttributes;
import io.podcastplatform.security.permission.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.security.Principal;

/** Builds the SecurityIdentity of a resolved caller, carrying it and its permission checker. */
public final class CallerIdentities {

    public static final String PERMISSIONS = "platform.permissions";

    private CallerIdentities() {
    }

    /**
     * @param base      the identity to extend (a verified token's), or null for one made from an API key
     * @param principal used when there is no base identity
     */
    public static SecurityIdentity build(SecurityIdentity base, Principal principal, Caller caller, PermissionChecker permissions) {
        QuarkusSecurityIdentity.Builder builder = base == null
                ? QuarkusSecurityIdentity.builder().setPrincipal(principal)
                : QuarkusSecurityIdentity.builder(base);
        return builder
                .addAttribute(CallerAttributes.CALLER, caller)
                .addAttribute(PERMISSIONS, permissions)
                .addPermissionChecker(requested -> Uni.createFrom().item(permissions.allows(requested)))
                .build();
    }
}
