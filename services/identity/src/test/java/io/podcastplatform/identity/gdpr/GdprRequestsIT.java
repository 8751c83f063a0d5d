package io.podcastplatform.identity.gdpr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.identity.GdprRequested;
import io.podcastplatform.testing.Keycloak;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealStackResource.class)
class GdprRequestsIT {

    private static RequestSpecification as(String user, String password) {
        return given().auth().oauth2(Keycloak.accessToken(user, password)).contentType(ContentType.JSON);
    }

    @Test
    void anErasureRequestIsRecordedAndPublishedForTheOtherServices() {
        try (TestKafka.Watch watch = TestKafka.watch(Topics.IDENTITY_GDPR_REQUEST_V1)) {
            String id = as("alice@acme.test", "alice").body("{\"type\":\"erasure\",\"subject\":{\"type\":\"listener\",\"id\":\"anon-42\"}}")
                    .when().post("/v1/gdpr-requests").then().statusCode(202)
                    .body("status", equalTo("RECEIVED")).body("subjectId", equalTo("anon-42"))
                    .extract().path("id");

            ConsumerRecord<String, byte[]> record = watch.await(r -> new String(r.value()).contains(id), Duration.ofSeconds(30)).orElseThrow();
            CloudEvent event = CloudEvent.fromRecord(record.headers(), record.value());
            GdprRequested requested = EventJson.read(event.data(), GdprRequested.class);
            assertThat(EventSchemas.violations(Topics.IDENTITY_GDPR_REQUEST_V1, EventJson.tree(event.data()))).isEmpty();
            assertThat(event.type()).isEqualTo(GdprRequested.TYPE);
            assertThat(requested.type()).isEqualTo("ERASURE");
            assertThat(requested.subjectType()).isEqualTo("LISTENER");
            assertThat(record.key()).isEqualTo("a1a1a1a1-0000-4000-8000-000000000001");

            as("alice@acme.test", "alice").when().get("/v1/gdpr-requests/" + id).then().statusCode(200);
            as("alice@acme.test", "alice").when().get("/v1/gdpr-requests?limit=200").then().statusCode(200).body("items.id", hasItem(id));
            as("bob@globex.test", "bob").when().get("/v1/gdpr-requests/" + id).then().statusCode(404);
            as("bob@globex.test", "bob").when().get("/v1/gdpr-requests?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));
        }
    }

    @Test
    void viewersCannotSeeWhichSubjectsAskedAndBadInputIsNamed() {
        as("victor@acme.test", "victor").when().get("/v1/gdpr-requests").then().statusCode(403);
        as("alice@acme.test", "alice").body("{\"type\":\"forget\",\"subject\":{\"type\":\"listener\",\"id\":\"x\"}}")
                .when().post("/v1/gdpr-requests").then().statusCode(400).body("errors[0].field", equalTo("type"));
        as("alice@acme.test", "alice").body("{\"type\":\"export\",\"subject\":{\"type\":\"user\",\"id\":\"\"}}")
                .when().post("/v1/gdpr-requests").then().statusCode(400).body("errors[0].field", equalTo("subject.id"));
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/gdpr-requests").then().statusCode(401);
    }
}
