package io.podcastplatform.ingest.quota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A tenant over a quota (a fake entitlement in ingest's event_quota table) gets 429 with Retry-After, naming the quota. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class EventQuotaIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TestDatabase APP = TestDatabase.as("ingest_app");

    /** Sets the fake entitlement as the service's runtime role, bound to the tenant (row-level security checks it). */
    private static void inTenant(UUID tenant, String sql) {
        try (Connection connection = APP.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)");
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                bind.setString(1, tenant.toString());
                bind.execute();
                statement.setObject(1, tenant);
                statement.execute();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response track(TestApiKeys.IssuedKey key) {
        return given().auth().preemptive().basic(key.key(), "").contentType(ContentType.JSON)
                .body("{\"messageId\":\"q-" + UUID.randomUUID() + "\",\"anonymousId\":\"a\",\"event\":\"Signed Up\"}").when().post("/v1/track");
    }

    @Test
    void aTenantOverItsQuotaIsRefusedWith429UntilTheBlockEnds() {
        UUID tenant = TestTenants.fresh();
        inTenant(tenant, "INSERT INTO ingest.event_quota (tenant_id, quota, blocked_until) VALUES (?, 'events-per-month', now() + interval '1 hour')");
        TestApiKeys.IssuedKey writeKey = TestApiKeys.writeKey(tenant);
        TestApiKeys.IssuedKey secretKey = TestApiKeys.issue(tenant, ApiKeyType.SECRET, List.of("events:write"));

        await().atMost(WAIT).untilAsserted(() -> track(writeKey).then().statusCode(429));
        Response refused = track(writeKey);
        refused.then().statusCode(429).contentType(containsString("application/problem+json")).body("status", equalTo(429))
                .body("detail", containsString("events-per-month"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        given().auth().preemptive().basic(writeKey.key(), "").contentType(ContentType.JSON).body("{\"batch\":[{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"x\"}]}")
                .when().post("/v1/batch").then().statusCode(429);
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + secretKey.key()).contentType("text/csv")
                .body("order_id,occurred_at,value,currency\nQ-1,2026-01-01T00:00:00Z,1,EUR\n").when().post("/v1/conversions/offline")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue()));

        // billing lifts the block: accepted again once the remembered answer expires
        inTenant(tenant, "UPDATE ingest.event_quota SET blocked_until = now() - interval '1 second' WHERE tenant_id = ?");
        await().atMost(WAIT).untilAsserted(() -> track(writeKey).then().statusCode(200).body("success", equalTo(true)));
    }

    @Test
    void aTenantWithoutABlockIsAccepted() {
        UUID tenant = TestTenants.fresh();
        TestApiKeys.IssuedKey writeKey = TestApiKeys.writeKey(tenant);
        await().atMost(WAIT).untilAsserted(() -> track(writeKey).then().statusCode(200));
    }
}
