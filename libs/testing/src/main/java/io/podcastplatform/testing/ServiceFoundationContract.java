package io.podcastplatform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every service promises operators, checked against the running service and the real servers.
 * A service's {@code @QuarkusTest} extends this and names its schema and tables.
 */
public abstract class ServiceFoundationContract {

    /** Cross-tenant infrastructure tables that carry a tenant id but are read before a tenant is known (key lookup by hash) or by the platform itself. */
    private static final Set<String> PLATFORM_TABLES = Set.of("outbox_event", "processed_event", "tenant_directory", "api_key_directory", "grant_directory");

    /** The service's schema, e.g. {@code ingest}. */
    protected abstract String schema();

    /** Tables the service's migrations must have created. */
    protected abstract List<String> expectedTables();

    /**
     * Operations meant to be called without credentials, as {@code "GET /v1/pixel.gif"} with the path as
     * the OpenAPI document writes it; every other operation must answer 401 to an anonymous caller.
     */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    protected String ownerRole() {
        return schema() + "_owner";
    }

    protected String runtimeRole() {
        return schema() + "_app";
    }

    @Test
    void readinessIsUpAndChecksTheDatabaseAndKafka() {
        JsonPath health = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        List<String> checks = health.getList("checks.name");
        assertThat(checks).anySatisfy(name -> assertThat(name).containsIgnoringCase("PostgreSQL"));
        assertThat(checks).anySatisfy(name -> assertThat(name).containsIgnoringCase("Kafka"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        given().when().get("/v1/no-such-resource").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/v1/no-such-resource"));
    }

    @Test
    void everyOperationOfTheApiRefusesAnonymousCallersWith401ProblemJson() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> checked = new java.util.ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                String operation = method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method.toUpperCase(java.util.Locale.ROOT))
                        || publicOperations().contains(operation)) {
                    continue;
                }
                String concrete = path.getKey().replaceAll("\\{[^}]*[iI]d}", java.util.UUID.randomUUID().toString())
                        .replaceAll("\\{[^}]+}", "x");
                io.restassured.response.Response response = given().contentType("application/json").body("{}")
                        .when().request(method.toUpperCase(java.util.Locale.ROOT), concrete);
                assertThat(response.statusCode()).as(operation + " without credentials").isEqualTo(401);
                assertThat(response.contentType()).as(operation + " content type").startsWith("application/problem+json");
                checked.add(operation);
            }
        }
        assertThat(checked.size() + publicOperations().size()).as("operations in the OpenAPI document").isEqualTo(countOperations(paths));
    }

    private static long countOperations(Map<String, Map<String, Object>> paths) {
        return paths.values().stream().flatMap(operations -> operations.keySet().stream())
                .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method)).count();
    }

    @Test
    void migrationsCreatedTheSchemaOwnedByTheMigrationRole() {
        TestDatabase db = TestDatabase.as(runtimeRole());

        assertThat(db.single("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", schema())).isEqualTo(ownerRole());
        List<Object> tables = db.query("SELECT tablename FROM pg_tables WHERE schemaname = ?", schema()).stream()
                .map(row -> row.get("tablename")).toList();
        assertThat(tables).contains("databasechangelog").containsAll(expectedTables());
        Number failed = (Number) db.single("SELECT count(*) FROM " + schema() + ".databasechangelog WHERE exectype NOT IN ('EXECUTED', 'RERAN', 'MARK_RAN')");
        assertThat(failed.longValue()).isZero();
    }

    @Test
    void theRuntimeRoleOwnsNothingAndCannotBypassRowLevelSecurity() {
        TestDatabase db = TestDatabase.as(runtimeRole());

        assertThat(db.single("SELECT rolbypassrls FROM pg_roles WHERE rolname = ?", runtimeRole())).isEqualTo(false);
        assertThat(db.single("SELECT rolsuper FROM pg_roles WHERE rolname = ?", runtimeRole())).isEqualTo(false);
        Number owned = (Number) db.single("SELECT count(*) FROM pg_tables WHERE schemaname = ? AND tableowner = ?", schema(), runtimeRole());
        assertThat(owned.longValue()).isZero();
        assertThat(db.attempt("CREATE TABLE " + schema() + ".intruder (id int)")).as("SQLSTATE of CREATE TABLE by the runtime role")
                .isEqualTo("42501");
    }

    @Test
    void everyTenantOwnedTableForcesRowLevelSecurity() {
        List<Map<String, Object>> tenantTables = TestDatabase.as(runtimeRole()).query("""
                SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                """, schema());

        for (Map<String, Object> table : tenantTables) {
            if (PLATFORM_TABLES.contains((String) table.get("name"))) {
                continue;
            }
            assertThat(table.get("enabled")).as("row-level security enabled on %s", table.get("name")).isEqualTo(true);
            assertThat(table.get("forced")).as("row-level security forced on %s", table.get("name")).isEqualTo(true);
        }
    }
}
