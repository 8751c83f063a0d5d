package io.podcastplatform.security.permission;

import io.podcastplatform.events.tenant.TenantStatus;
import java.security.Permission;
import java.util.Set;

/**
 * Decides a requested {@code resource:action} for one caller: some grant must allow it, and a tenant that
 * is not active may only read (a cancelled one not even that).
 */
public final class PermissionChecker {

    private final Set<Grant> grants;
    private final TenantStatus tenantStatus;

    public PermissionChecker(Set<Grant> grants, TenantStatus tenantStatus) {
        this.grants = Set.copyOf(grants);
        this.tenantStatus = tenantStatus;
    }

    public boolean allows(Permission requested) {
        String[] actions = requested.getActions() == null || requested.getActions().isBlank()
                ? new String[] {"read"} : requested.getActions().split(",");
        for (String action : actions) {
            if (!allows(requested.getName(), Action.parse(action.trim()))) {
                return false;
            }
        }
        return true;
    }

    public boolean allows(String resource, Action action) {
        if (tenantStatus != null && (action.changesState() ? !tenantStatus.mayWrite() : !tenantStatus.mayRead())) {
            return false;
        }
        return grants.stream().anyMatch(grant -> grant.allows(resource, action));
    }

    /** The tenant's status when the caller was resolved, or null for no tenant or one not yet known. */
    public TenantStatus tenantStatus() {
        return tenantStatus;
    }

    public Set<Grant> grants() {
        return grants;
    }
}
