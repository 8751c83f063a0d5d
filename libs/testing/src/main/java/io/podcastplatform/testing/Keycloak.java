package io.podcastplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real tokens from the realm shipped in {@code deploy/local/keycloak}, for tests that sign in. */
public final class Keycloak {

    /** The public client with direct access grants, enabled for local and test use only. */
    public static final String CLI_CLIENT = "platform-cli";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private Keycloak() {
    }

    /** An access token of a demo user, e.g. {@code accessToken("alice@acme.test", "alice")}, cached while valid. */
    public static String accessToken(String username, String password) {
        CachedToken cached = TOKENS.get(username);
        if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis() + 30_000) {
            return cached.token();
        }
        JsonNode response = passwordGrant(username, password);
        String token = response.get("access_token").asText();
        TOKENS.put(username, new CachedToken(token, System.currentTimeMillis() + response.get("expires_in").asLong() * 1000));
        return token;
    }

    public static JsonNode passwordGrant(String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", password)
                .entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(RealStack.OIDC_AUTH_SERVER_URL + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak does not answer at " + RealStack.OIDC_AUTH_SERVER_URL + "; " + RealStack.START_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The decoded payload of a JWT, for asserting its claims. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private record CachedToken(String token, long expiresAtMillis) {
    }
}
