package io.podcastplatform.identity.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.identity.GrantsChanged;
import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Custom-role and team grants reach every service through identity.grant.v1 and the security lib, which
 * identity itself uses: a viewer's request is decided by them, and stops being allowed when they go.
 */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class GrantPropagationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NEW_KEY = "{\"name\":\"granted\",\"type\":\"write\"}";

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    private static String victorId() {
        as("victor@acme.test", "victor").when().get("/v1/tenants/current").then().statusCode(200);
        return Keycloak.claims(Keycloak.accessToken("victor@acme.test", "victor")).get("sub").asText();
    }

    @Test
    void aCustomRoleGivesAViewerAPermissionEverywhereUntilItIsTakenBack() {
        String victor = victorId();
        as("victor@acme.test", "victor").body(NEW_KEY).when().post("/v1/api-keys").then().statusCode(403);
        String role = as("alice@acme.test", "alice")
                .body("{\"name\":\"key-issuer-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"permissions\":[\"api-key:create\"]}")
                .when().post("/v1/roles").then().statusCode(201).extract().path("id");

        try (TestKafka.Watch watch = TestKafka.watch(Topics.IDENTITY_GRANT_V1)) {
            as("alice@acme.test", "alice").body("{}").when().put("/v1/users/" + victor + "/roles/" + role).then().statusCode(200);

            ConsumerRecord<String, byte[]> record = watch.await(r -> victor.equals(r.key()), WAIT).orElseThrow();
            GrantsChanged changed = EventJson.read(record.value(), GrantsChanged.class);
            assertThat(EventSchemas.violations(Topics.IDENTITY_GRANT_V1, EventJson.tree(record.value()))).isEmpty();
            assertThat(changed.grants()).extracting(GrantsChanged.UserGrant::permission).contains("api-key:create");
        }
        await().atMost(WAIT).untilAsserted(() -> as("victor@acme.test", "victor").body(NEW_KEY).when().post("/v1/api-keys").then().statusCode(201));

        as("alice@acme.test", "alice").when().delete("/v1/users/" + victor + "/roles/" + role).then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> as("victor@acme.test", "victor").body(NEW_KEY).when().post("/v1/api-keys").then().statusCode(403));
    }

    @Test
    void teamGrantsFollowMembershipAndTheTeamsState() {
        String victor = victorId();
        String team = as("alice@acme.test", "alice").body("{\"name\":\"Keys team " + UUID.randomUUID().toString().substring(0, 6) + "\"}")
                .when().post("/v1/teams").then().statusCode(201).extract().path("id");

        as("alice@acme.test", "alice").body("{\"role\":\"member\",\"permissions\":[\"api-key:create\"]}")
                .when().put("/v1/teams/" + team + "/members/" + victor).then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> as("victor@acme.test", "victor").body(NEW_KEY).when().post("/v1/api-keys").then().statusCode(201));

        as("alice@acme.test", "alice").body("{\"active\":false}").when().patch("/v1/teams/" + team).then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> as("victor@acme.test", "victor").body(NEW_KEY).when().post("/v1/api-keys").then().statusCode(403));
        as("alice@acme.test", "alice").when().delete("/v1/teams/" + team).then().statusCode(204);
    }
}
