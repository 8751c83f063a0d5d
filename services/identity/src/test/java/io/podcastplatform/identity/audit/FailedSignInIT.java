package io.podcastplatform.identity.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wrong password typed at Keycloak shows up in the member's tenant's security events. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class FailedSignInIT {

    @Test
    void aFailedSignInBecomesASecurityEventOfTheMembersTenant() {
        String alice = Keycloak.accessToken("alice@acme.test", "alice");
        given().auth().oauth2(alice).when().get("/v1/tenants/current").then().statusCode(200);
        String aliceId = Keycloak.claims(alice).get("sub").asText();

        assertThatThrownBy(() -> Keycloak.passwordGrant("alice@acme.test", "guessing-" + System.nanoTime())).hasMessageContaining("invalid_grant");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Keycloak.accessToken("alice@acme.test", "alice"))
                .when().get("/v1/security-events?type=authentication_failed&limit=500")
                .then().statusCode(200).body("items.actorId", hasItem(aliceId)));
        given().auth().oauth2(Keycloak.accessToken("bob@globex.test", "bob"))
                .when().get("/v1/security-events?type=authentication_failed&limit=500")
                .then().statusCode(200).body("items.actorId", not(hasItem(aliceId)));
    }
}
