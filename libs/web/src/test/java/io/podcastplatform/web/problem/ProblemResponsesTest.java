package io.podcastplatform.web.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Runs the mappers inside Quarkus REST with a probe resource; no external server is involved. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void invalidFieldsAreAllNamedWithTheirJsonPath() {
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"WRITE\",\"seats\":101,\"members\":[{\"name\":\"\",\"email\":\"not-an-email\"}]}")
                .when().post("/probe/invites")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItems("seats", "members[0].name", "members[0].email"))
                .body("instance", equalTo("/probe/invites"))
                .body("requestId", notNullValue());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldAndTheExpectedValues() {
        given().contentType(ContentType.JSON).body("{\"kind\":\"PUBLIC\",\"seats\":1}")
                .when().post("/probe/invites")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("[WRITE, SECRET]"));
    }

    @Test
    void malformedJsonSaysWhere() {
        given().contentType(ContentType.JSON).body("{\"kind\": WRITE")
                .when().post("/probe/invites")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void aMissingBodyIsABadRequest() {
        given().contentType(ContentType.JSON)
                .when().post("/probe/invites")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void routingFailuresAreProblemsToo() {
        given().when().get("/no-such-path").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("/no-such-path"));
        given().when().delete("/probe/invites").then().statusCode(405).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("x").when().post("/probe/invites")
                .then().statusCode(415).contentType("application/problem+json");
        given().when().get("/probe/things/gone").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("thing gone does not exist"));
    }

    @Test
    void queryParameterConstraintsNameTheParameter() {
        given().when().get("/probe/things/a?limit=501").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void unexpectedFailuresAre500WithoutInternalDetails() {
        given().header("X-Request-Id", "trace-me-42")
                .when().get("/probe/things/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .header("X-Request-Id", "trace-me-42")
                .body("requestId", equalTo("trace-me-42"))
                .body("detail", not(containsString("secret")));
    }

    @Test
    void unsafeRequestIdsAreReplaced() {
        given().header("X-Request-Id", "bad id\twith spaces")
                .when().get("/probe/things/gone")
                .then().statusCode(404)
                .header("X-Request-Id", not(containsString(" ")));
    }
}
