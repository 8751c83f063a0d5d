package io.podcastplatform.security.apikey;

import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Finds an API key in a request, where Segment-style clients and servers put it: {@code Authorization:
 * Bearer <key>}, {@code Authorization: Basic base64(<key>:)} (the write key as user name), the
 * {@code X-Write-Key} header, or the {@code writeKey} query parameter of pixels. A bearer token that is
 * not shaped like a key is left to the Keycloak (OIDC) mechanism, which runs after this one.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String WRITE_KEY_HEADER = "X-Write-Key";
    public static final String WRITE_KEY_PARAMETER = "writeKey";

    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key;
        try {
            key = presentedKey(context);
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        ApiKeyAuthenticationRequest request = new ApiKeyAuthenticationRequest(key);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    /** The key of the request, null when it carries none; a malformed write key is refused outright. */
    static String presentedKey(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null) {
            String lower = authorization.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith(BEARER)) {
                String token = authorization.substring(BEARER.length()).trim();
                return ApiKeySecrets.typeOf(token).isPresent() ? token : null;
            }
            if (lower.startsWith(BASIC)) {
                return requireKeyShape(basicUser(authorization.substring(BASIC.length()).trim()), "Authorization: Basic");
            }
        }
        String header = context.request().getHeader(WRITE_KEY_HEADER);
        if (header != null) {
            return requireKeyShape(header.trim(), WRITE_KEY_HEADER);
        }
        String parameter = context.request().getParam(WRITE_KEY_PARAMETER);
        if (parameter != null) {
            return requireKeyShape(parameter.trim(), "the " + WRITE_KEY_PARAMETER + " parameter");
        }
        return null;
    }

    private static String basicUser(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("Authorization: Basic is not valid base64");
        }
    }

    private static String requireKeyShape(String key, String where) {
        if (ApiKeySecrets.typeOf(key).isEmpty()) {
            throw new AuthenticationFailedException(where + " does not hold an API key");
        }
        return key;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        // before the OIDC bearer mechanism, which would otherwise try to read a key as a JWT
        return DEFAULT_PRIORITY + 1000;
    }
}
