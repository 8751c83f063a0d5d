package io.podcastplatform.security.caller;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.podcastplatform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The caller of the current request, for resources that are annotated {@code @Authenticated} or
 * {@code @PermissionsAllowed} (so authentication has already run when they execute).
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;

    @Inject
    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        Caller caller = identity.getAttribute(CallerAttributes.CALLER);
        if (caller == null) {
            throw new ProblemException(401, "Unauthorized", "this call needs a Keycloak token or an API key", List.of());
        }
        return caller;
    }

    /** Fails with 403 unless the caller holds {@code resource:action}; for rules decided inside a method. */
    public Uni<Void> requirePermission(String permission) {
        int colon = permission.indexOf(':');
        return identity.checkPermission(new StringPermission(permission.substring(0, colon), permission.substring(colon + 1)))
                .flatMap(allowed -> allowed ? Uni.createFrom().voidItem() : Uni.createFrom().failure(new ForbiddenException()));
    }

    /** The caller's tenant; a platform administrator acting without one is refused. */
    public UUID tenant() {
        Caller caller = current();
        return caller.tenant().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "this call acts within a tenant, and the caller belongs to none", List.of()));
    }
}
