package io.podcastplatform.security.permission;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants of the system roles every tenant has. Custom roles of a tenant are defined in identity and
 * reach the other services as grants; these are the built-in ones carried as realm roles in tokens.
 */
public final class SystemRoles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String OWNER = "owner";
    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";
    public static final String VIEWER = "viewer";
    public static final String BILLING = "billing";

    private static final Map<String, List<Grant>> GRANTS = Map.of(
            PLATFORM_ADMIN, grants("tenant:manage", "platform:manage", "feature-flag:manage", "audit:read", "security-event:read"),
            OWNER, grants("*:manage"),
            ADMIN, grants("*:read", "*:create", "*:update", "*:delete", "*:execute", "user:manage", "role:manage",
                    "api-key:manage", "team:manage", "feature-flag:manage", "gdpr-request:manage", "audit:read", "security-event:read"),
            ANALYST, grants("*:read", "report:manage", "export:execute"),
            VIEWER, grants("*:read"),
            BILLING, grants("billing:manage", "tenant:read", "usage:read"));

    private SystemRoles() {
    }

    public static Set<Grant> grantsOf(Collection<String> roles) {
        Set<Grant> grants = new HashSet<>();
        for (String role : roles) {
            grants.addAll(GRANTS.getOrDefault(role, List.of()));
        }
        return grants;
    }

    public static boolean isSystemRole(String role) {
        return GRANTS.containsKey(role);
    }

    private static List<Grant> grants(String... grants) {
        return java.util.Arrays.stream(grants).map(Grant::parse).toList();
    }
}
