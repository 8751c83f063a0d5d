package io.podcastplatform.security.permission;

import java.util.Objects;

/**
 * {@code resource:action}, e.g. {@code api-key:create}; resource {@code *} stands for every resource but
 * the restricted ones (audit trails, security events and GDPR requests, which name data subjects), which only {@code *:manage} or an explicit
 * grant opens: a viewer's {@code *:read} must not expose who did what.
 */
public record Grant(String resource, Action action) {

    static final java.util.Set<String> RESTRICTED = java.util.Set.of("audit", "security-event", "gdpr-request");

    public Grant {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(action, "action");
    }

    public static Grant parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a grant is resource:action, not " + text);
        }
        return new Grant(text.substring(0, colon), Action.parse(text.substring(colon + 1)));
    }

    public boolean allows(String requestedResource, Action requestedAction) {
        boolean resourceMatches = resource.equals(requestedResource)
                || resource.equals("*") && (action == Action.MANAGE || !RESTRICTED.contains(requestedResource));
        boolean actionMatches = action == Action.MANAGE || action == requestedAction;
        return resourceMatches && actionMatches;
    }

    @Override
    public String toString() {
        return resource + ":" + action.name().toLowerCase(java.util.Locale.ROOT);
    }
}
