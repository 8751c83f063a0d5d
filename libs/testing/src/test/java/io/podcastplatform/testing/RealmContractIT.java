package io.podcastplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm shipped in deploy/local/keycloak, as other checks and every service rely on it. */
class RealmContractIT {

    @BeforeAll
    static void keycloakAnswers() {
        RealStack.requireReachable(RealStack.Server.KEYCLOAK);
    }

    @Test
    void aliceGetsATokenThatCarriesAcmeAndHerRole() {
        JsonNode claims = Keycloak.claims(Keycloak.accessToken("alice@acme.test", "alice"));

        assertThat(claims.get("iss").asText()).isEqualTo(RealStack.OIDC_AUTH_SERVER_URL);
        assertThat(claims.get("tenant_id").asText()).isEqualTo("a1a1a1a1-0000-4000-8000-000000000001");
        assertThat(claims.get("tenant_slug").asText()).isEqualTo("acme");
        assertThat(roles(claims)).contains("owner").doesNotContain("platform-admin");
        assertThat(audiences(claims)).contains("platform-api");
    }

    @Test
    void bobBelongsToGlobex() {
        JsonNode claims = Keycloak.claims(Keycloak.accessToken("bob@globex.test", "bob"));

        assertThat(claims.get("tenant_id").asText()).isEqualTo("b2b2b2b2-0000-4000-8000-000000000002");
        assertThat(roles(claims)).contains("owner");
    }

    @Test
    void thePlatformAdministratorHasNoTenant() {
        JsonNode claims = Keycloak.claims(Keycloak.accessToken("admin@platform.test", "admin"));

        assertThat(roles(claims)).contains("platform-admin");
        assertThat(claims.has("tenant_id")).isFalse();
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> Keycloak.passwordGrant("alice@acme.test", "not-her-password"))
                .hasMessageContaining("invalid_grant");
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static List<String> audiences(JsonNode claims) {
        List<String> audiences = new ArrayList<>();
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        } else if (!aud.isMissingNode()) {
            audiences.add(aud.asText());
        }
        return audiences;
    }
}
