package io.podcastplatform.identity.user.keycloak;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "identity.keycloak")
public interface KeycloakAdminConfig {

    /** Base URL of Keycloak, e.g. http://127.0.0.1:8180 */
    String adminUrl();

    String realm();

    LoginFailures loginFailures();

    interface LoginFailures {
        /** How often failed sign-ins are fetched from Keycloak to become security events. */
        java.time.Duration pollInterval();
    }
}
