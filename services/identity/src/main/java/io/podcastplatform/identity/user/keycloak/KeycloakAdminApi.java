package io.podcastplatform.identity.user.keycloak;

import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** Calls to Keycloak's Admin REST API for the platform realm, as the confidential platform-services client. */
@ApplicationScoped
public class KeycloakAdminApi {

    private static final Logger LOG = Logger.getLogger(KeycloakAdminApi.class);

    private final OidcClient tokens;
    private final WebClient http;
    private final String realmUrl;

    public KeycloakAdminApi(OidcClient tokens, Vertx vertx, KeycloakAdminConfig config) {
        this.tokens = tokens;
        this.http = WebClient.create(vertx);
        this.realmUrl = config.adminUrl().replaceAll("/+$", "") + "/admin/realms/" + config.realm();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** {@code path} is relative to the realm, e.g. {@code /users}; a JSON body is sent when given. */
    public Uni<HttpResponse<Buffer>> send(HttpMethod method, String path, Object body) {
        return tokens.getTokens().flatMap(token -> {
            HttpRequest<Buffer> request = http.requestAbs(method, realmUrl + path)
                    .bearerTokenAuthentication(token.getAccessToken())
                    .timeout(10_000);
            return body == null ? request.send() : request.sendJson(body);
        }).onFailure(failure -> !(failure instanceof ProblemException)).transform(failure ->
                new ProblemException(503, "Keycloak unavailable", "the identity provider did not answer; try again", List.of()));
    }

    public static void requireSuccess(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() / 100 != 2) {
            LOG.errorf("Keycloak refused to %s: HTTP %d %s", what, response.statusCode(), response.bodyAsString());
            throw new ProblemException(502, "Identity provider error", "Keycloak refused to " + what, List.of());
        }
    }
}
