package io.podcastplatform.catalog.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestTenants;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A fresh tenant of one test and a secret key of it, announced the way identity does; ready once the
 * service's tenant and key directories have taken them in.
 */
public record TenantCaller(UUID tenantId, String key) {

    public static TenantCaller fresh(String... scopes) {
        UUID tenant = TestTenants.fresh();
        TestApiKeys.IssuedKey issued = TestApiKeys.issue(tenant, ApiKeyType.SECRET,
                scopes.length == 0 ? List.of("*:manage") : List.of(scopes));
        TenantCaller caller = new TenantCaller(tenant, issued.key());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                caller.request().when().get("/v1/sponsors?limit=1").statusCode() != 401);
        return caller;
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }
}
