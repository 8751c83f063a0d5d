package io.podcastplatform.ingest.track;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestApiKeys;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The malformed-input corpus: every public input endpoint fed broken, hostile or oversized input answers
 * the 4xx a client can act on (problem+json naming what is wrong), a partial batch report, a GIF or a
 * redirect — never a 5xx, and a refused request stores nothing.
 */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class MalformedInputIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROBLEM = "application/problem+json";
    private static final List<String> SINGLE_EVENT_PATHS = List.of("/v1/track", "/v1/identify", "/v1/page", "/v1/screen",
            "/v1/group", "/v1/alias");
    private static final List<String> BATCH_PATHS = List.of("/v1/batch", "/v1/import");
    private static final TestDatabase APP = TestDatabase.as("ingest_app");

    private static UUID tenant;
    private static String slug;
    private static TestApiKeys.IssuedKey writeKey;
    private static TestApiKeys.IssuedKey secretKey;
    private static TestApiKeys.IssuedKey revokedKey;

    /** One tenant for the whole corpus: the cases only read, except the few that check nothing was stored. */
    @BeforeEach
    void freshTenantOnce() {
        if (tenant != null) {
            return;
        }
        UUID id = UUID.randomUUID();
        TestTenants.announce(id, io.podcastplatform.events.tenant.TenantStatus.ACTIVE, 1);
        writeKey = TestApiKeys.writeKey(id);
        secretKey = TestApiKeys.issue(id, ApiKeyType.SECRET, List.of("events:write", "events:read", "events:manage", "integration:read"));
        revokedKey = TestApiKeys.writeKey(id);
        await().atMost(WAIT).untilAsserted(() -> given().auth().preemptive().basic(writeKey.key(), "").body("{}")
                .when().post("/v1/identify").then().statusCode(400));
        await().atMost(WAIT).untilAsserted(() -> given().auth().preemptive().basic(revokedKey.key(), "").body("{}")
                .when().post("/v1/identify").then().statusCode(400));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + secretKey.key())
                .when().get("/v1/dead-letters").then().statusCode(200));
        TestApiKeys.revoke(revokedKey);
        await().atMost(WAIT).untilAsserted(() -> given().auth().preemptive().basic(revokedKey.key(), "").body("{}")
                .when().post("/v1/identify").then().statusCode(401));
        slug = "t-" + id.toString().substring(0, 13);
        tenant = id;
    }

    /** A request of the corpus and what the caller must see. */
    private record Case(String name, Function<RequestSpecification, Response> send, int status, String contentType, String says) {

        DynamicTest test() {
            return DynamicTest.dynamicTest(name + " -> " + status, () -> {
                Response response = send.apply(request().redirects().follow(false));
                assertThat(response.statusCode()).as(name + ": " + response.asString()).isLessThan(500).isEqualTo(status);
                if (contentType != null) {
                    assertThat(response.contentType()).as(name).startsWith(contentType);
                }
                if (says != null) {
                    assertThat(response.asString()).as(name).contains(says);
                }
            });
        }
    }

    /**
     * Without RestAssured's log-on-failure, which pretty-prints every JSON body it sends (minutes for the
     * megabyte bodies here); the assertions name the case and quote the answer instead.
     */
    private static RequestSpecification request() {
        return given().config(RestAssured.config().logConfig(LogConfig.logConfig()));
    }

    private static Case problem(String name, int status, String says, Function<RequestSpecification, Response> send) {
        return new Case(name, send, status, PROBLEM, says);
    }

    private static RequestSpecification writer(RequestSpecification request) {
        return request.auth().preemptive().basic(writeKey.key(), "").contentType("application/json");
    }

    private static RequestSpecification server(RequestSpecification request) {
        return request.header("Authorization", "Bearer " + secretKey.key());
    }

    private static String event(String fields) {
        return "{\"type\":\"track\",\"anonymousId\":\"a\",\"event\":\"Corpus\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static String batchOf(int events, String eventJson) {
        return "{\"batch\":[" + String.join(",", java.util.Collections.nCopies(events, eventJson)) + "]}";
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final byte[] INVALID_UTF8 = {'{', '"', 'a', 'n', 'o', 'n', 'y', 'm', 'o', 'u', 's', 'I', 'd', '"', ':', '"',
            (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ',', '"', 'e', 'v', 'e', 'n', 't', '"', ':', '"', 'x', '"', '}'};

    @TestFactory
    Stream<DynamicTest> everySingleEventEndpointAnswersBrokenBodiesWithA4xxProblem() {
        List<Case> cases = new ArrayList<>();
        for (String path : SINGLE_EVENT_PATHS) {
            cases.add(problem(path + " bad JSON", 400, "body", r -> writer(r).body("{not json").post(path)));
            cases.add(problem(path + " truncated JSON", 400, "body", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\"").post(path)));
            cases.add(problem(path + " empty body", 400, null, r -> writer(r).body(new byte[0]).post(path)));
            cases.add(problem(path + " array body", 400, null, r -> writer(r).body("[{\"anonymousId\":\"a\"}]").post(path)));
            cases.add(problem(path + " JSON string body", 400, null, r -> writer(r).body("\"track\"").post(path)));
            cases.add(problem(path + " JSON null body", 400, null, r -> writer(r).body("null").post(path)));
            cases.add(problem(path + " invalid UTF-8", 400, null, r -> writer(r).body(INVALID_UTF8).post(path)));
            cases.add(problem(path + " raw NUL byte", 400, null,
                    r -> writer(r).body("{\"anonymousId\":\"a\u0000\",\"event\":\"x\"}".getBytes(StandardCharsets.UTF_8)).post(path)));
            cases.add(problem(path + " bad gzip", 400, "gzip", r -> writer(r).header("Content-Encoding", "gzip").body("not gzip at all").post(path)));
            cases.add(problem(path + " unknown encoding", 415, "Content-Encoding", r -> writer(r).header("Content-Encoding", "br").body("{}").post(path)));
            cases.add(problem(path + " 10,000 nested arrays", 400, null,
                    r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"properties\":{\"p\":" + nested(10_000) + "}}").post(path)));
            cases.add(problem(path + " no key", 401, null, r -> r.contentType("application/json").body(event("")).post(path)));
            cases.add(problem(path + " wrong key", 401, null,
                    r -> r.auth().preemptive().basic("pk_notAKeyAnyoneIssued", "").contentType("application/json").body(event("")).post(path)));
            cases.add(problem(path + " revoked key", 401, null,
                    r -> r.auth().preemptive().basic(revokedKey.key(), "").contentType("application/json").body(event("")).post(path)));
        }
        return cases.stream().map(Case::test);
    }

    @TestFactory
    Stream<DynamicTest> wrongTypesAtEveryLevelAreNamed() {
        String far = OffsetDateTime.now(ZoneOffset.UTC).plusYears(100).toString();
        return Stream.of(
                problem("numeric event", 400, "event", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":42}").post("/v1/track")),
                problem("string properties", 400, "properties", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"properties\":\"p\"}").post("/v1/track")),
                problem("array traits", 400, "traits", r -> writer(r).body("{\"userId\":\"u\",\"traits\":[1]}").post("/v1/identify")),
                problem("string context", 400, "context", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"context\":\"c\"}").post("/v1/track")),
                problem("object messageId", 400, "messageId", r -> writer(r).body("{\"messageId\":{},\"anonymousId\":\"a\",\"event\":\"x\"}").post("/v1/track")),
                problem("boolean userId", 400, "userId", r -> writer(r).body("{\"userId\":true,\"event\":\"x\"}").post("/v1/track")),
                problem("array anonymousId", 400, "anonymousId", r -> writer(r).body("{\"anonymousId\":[\"a\"],\"event\":\"x\"}").post("/v1/track")),
                problem("numeric timestamp", 400, "timestamp", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"timestamp\":1700000000}").post("/v1/track")),
                problem("timestamp without offset", 400, "timestamp", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"timestamp\":\"2026-11-22T10:00:00\"}").post("/v1/track")),
                problem("far-future timestamp", 400, "in the future", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"timestamp\":\"" + far + "\"}").post("/v1/track")),
                problem("year 9999 timestamp", 400, "in the future", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"timestamp\":\"9999-12-31T23:59:59Z\"}").post("/v1/track")),
                problem("far-past timestamp", 400, "older than", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"timestamp\":\"1970-01-01T00:00:00Z\"}").post("/v1/track")),
                problem("year 0001 timestamp", 400, "older than", r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"timestamp\":\"0001-01-01T00:00:00Z\"}").post("/v1/track")),
                problem("wrong type on a single endpoint", 400, "type", r -> writer(r).body("{\"type\":\"page\",\"anonymousId\":\"a\",\"event\":\"x\"}").post("/v1/track")),
                problem("40 KB event", 400, "32768 bytes per event", r -> writer(r).body(event("\"properties\":{\"p\":\"" + "x".repeat(40_000) + "\"}")).post("/v1/track")),
                problem("1 MB field", 413, "512000 bytes per request", r -> writer(r).body(event("\"properties\":{\"p\":\"" + "x".repeat(1_048_576) + "\"}")).post("/v1/track")),
                problem("huge number", 400, null, r -> writer(r).body("{\"anonymousId\":\"a\",\"event\":\"x\",\"properties\":{\"n\":1" + "0".repeat(5_000) + "}}").post("/v1/track"))
        ).map(Case::test);
    }

    @TestFactory
    Stream<DynamicTest> batchesThatAreBrokenAsAWholeAreA4xxProblem() {
        List<Case> cases = new ArrayList<>();
        for (String path : BATCH_PATHS) {
            cases.add(problem(path + " array body", 400, "batch", r -> writer(r).body("[" + event("") + "]").post(path)));
            cases.add(problem(path + " string batch", 400, "batch", r -> writer(r).body("{\"batch\":\"events\"}").post(path)));
            cases.add(problem(path + " object batch", 400, "batch", r -> writer(r).body("{\"batch\":{\"0\":" + event("") + "}}").post(path)));
            cases.add(problem(path + " empty batch", 400, "batch", r -> writer(r).body("{\"batch\":[]}").post(path)));
            cases.add(problem(path + " batch of non-objects", 400, "batch[0]", r -> writer(r).body("{\"batch\":[1,\"x\",null,[]]}").post(path)));
            cases.add(problem(path + " truncated", 400, "body", r -> writer(r).body("{\"batch\":[" + event("")).post(path)));
            cases.add(problem(path + " string context", 400, null, r -> writer(r).body("{\"batch\":[" + event("") + "],\"context\":\"c\"}").post(path)));
            cases.add(problem(path + " numeric sentAt", 400, null, r -> writer(r).body("{\"batch\":[" + event("") + "],\"sentAt\":5}").post(path)));
            cases.add(problem(path + " invalid UTF-8", 400, null, r -> writer(r).body(INVALID_UTF8).post(path)));
            cases.add(problem(path + " gzip bomb", 413, "after gzip decompression",
                    r -> writer(r).header("Content-Encoding", "gzip").body(gzip(new byte[20_000_000])).post(path)));
            cases.add(problem(path + " 10,000 nested arrays", 400, null, r -> writer(r).body("{\"batch\":" + nested(10_000) + "}").post(path)));
            cases.add(problem(path + " 10,000 events over the body limit", 413, "512000 bytes per request",
                    r -> writer(r).body(batchOf(10_000, event("\"properties\":{\"padding\":\"" + "p".repeat(60) + "\"}"))).post(path)));
        }
        cases.add(problem("/v1/import without any key", 401, null, r -> r.contentType("application/json").body(batchOf(1, event(""))).post("/v1/import")));
        cases.add(problem("/v1/import with a wrong key in the body", 401, null,
                r -> r.contentType("application/json").body("{\"writeKey\":\"pk_wrong\",\"batch\":[" + event("") + "]}").post("/v1/import")));
        cases.add(problem("/v1/import with a numeric key in the body", 401, null,
                r -> r.contentType("application/json").body("{\"writeKey\":42,\"batch\":[" + event("") + "]}").post("/v1/import")));
        cases.add(problem("/v1/batch with the key as the Basic password", 401, null,
                r -> r.auth().preemptive().basic("", writeKey.key()).contentType("application/json").body(batchOf(1, event(""))).post("/v1/batch")));
        return cases.stream().map(Case::test);
    }

    @Test
    void tenThousandTinyEventsUnderTheBodyLimitAreJudgedOneByOne() {
        // 10,000 events fit in 500 KB only when tiny: {} is refused per event, so the batch is refused as a whole,
        // listing the reasons of every event (only the first 100 become dead letters), and nothing is stored
        String tiny = batchOf(10_000, "{}");
        assertThat(tiny.length()).isLessThan(512_000);
        Response response = writer(request()).body(tiny).post("/v1/batch");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.asString()).contains("batch[0]").contains("batch[9999]");

        // one valid event among them: 200 with that one accepted and 9,999 listed
        String runId = "corpus-" + UUID.randomUUID();
        String mixed = "{\"batch\":[" + event("\"messageId\":\"" + runId + "\"") + "," + String.join(",", java.util.Collections.nCopies(9_999, "{}")) + "]}";
        assertThat(mixed.length()).isLessThan(512_000);
        Response partial = writer(request()).body(mixed).post("/v1/batch");
        assertThat(partial.statusCode()).as(partial.asString()).isEqualTo(200);
        assertThat(partial.jsonPath().getInt("accepted")).isEqualTo(1);
        assertThat(partial.jsonPath().getList("rejected")).hasSize(9_999);
        await().atMost(WAIT).untilAsserted(() -> assertThat(APP.countInTenant(tenant,
                "SELECT 1 FROM ingest.ingested_message WHERE tenant_id = ? AND message_id = ?", tenant, runId)).isEqualTo(1));
    }

    @Test
    void aRefusedBatchStoresNothing() {
        String runId = "refused-" + UUID.randomUUID();
        List<String> events = IntStream.range(0, 10_000)
                .mapToObj(i -> event("\"messageId\":\"" + runId + "-" + i + "\",\"properties\":{\"padding\":\"" + "p".repeat(40) + "\"}"))
                .toList();
        writer(request()).body("{\"batch\":[" + String.join(",", events) + "]}").post("/v1/batch").then().statusCode(413);
        writer(request()).body("{\"batch\":[" + events.get(0) + "," + events.get(1)).post("/v1/batch").then().statusCode(400);
        writer(request()).header("Content-Encoding", "gzip").body(gzip(("{\"batch\":[" + String.join(",", events) + "]}")
                .getBytes(StandardCharsets.UTF_8))).post("/v1/batch").then().statusCode(413);

        // a later accepted event shows the pipeline ran past the refused ones
        String marker = runId + "-marker";
        writer(request()).body(event("\"messageId\":\"" + marker + "\"")).post("/v1/track").then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(APP.countInTenant(tenant,
                "SELECT 1 FROM ingest.ingested_message WHERE tenant_id = ? AND message_id = ?", tenant, marker)).isEqualTo(1));
        assertThat(APP.countInTenant(tenant, "SELECT 1 FROM ingest.ingested_message WHERE tenant_id = ? AND message_id LIKE ? AND message_id <> ?",
                tenant, runId + "-%", marker)).isZero();
    }

    @TestFactory
    Stream<DynamicTest> thePixelAlwaysAnswersAGif() {
        return Stream.of(
                "", "?writeKey=pk_wrong&e=page_view", "?writeKey=" + "%FF%FE", "?e=conversion&value=NaN&currency=%00%00",
                "?e=conversion&value=1e400&currency=EUR&order_id=" + "o".repeat(3_000), "?e=" + "x".repeat(5_000),
                "?url=javascript:alert(1)&ref=%C3%28", "?e=page_view&ts=9999-12-31T23:59:59Z")
                .map(query -> new Case("pixel " + query.substring(0, Math.min(60, query.length())), r -> r.urlEncodingEnabled(false)
                        .get("/v1/pixel.gif" + query), 200, "image/gif", null))
                .map(Case::test);
    }

    @TestFactory
    Stream<DynamicTest> theRedirectAnswersA302OrA400() {
        return Stream.of(
                new Case("redirect of a file", r -> r.get("/v1/e/" + slug + "/cdn.example/show/ep1.mp3"), 302, null, null),
                new Case("redirect of an unknown tenant", r -> r.get("/v1/e/no-such-tenant-slug/cdn.example/ep1.mp3"), 302, null, null),
                new Case("redirect with invalid percent-encoding", r -> r.urlEncodingEnabled(false).get("/v1/e/" + slug + "/cdn.example/%FF%C3%28.mp3"), 302, null, null),
                new Case("redirect with a NUL", r -> r.urlEncodingEnabled(false).get("/v1/e/" + slug + "/cdn.example/a%00b.mp3"), 302, null, null),
                problem("redirect without a path", 400, "path", r -> r.get("/v1/e/" + slug + "/cdn.example")),
                new Case("redirect to a single-label host", r -> r.get("/v1/e/" + slug + "/localhost/x.mp3"), 302, null, null),
                problem("redirect of a 10,000-character URL", 400, null, r -> r.get("/v1/e/" + slug + "/cdn.example/" + "x".repeat(10_000) + ".mp3")),
                new Case("redirect of a 20,000-character URL", r -> r.get("/v1/e/" + slug + "/cdn.example/" + "x".repeat(20_000) + ".mp3"), 414, null, null)
        ).map(Case::test);
    }

    @TestFactory
    Stream<DynamicTest> offlineUploadsAnswerBrokenFilesWithA4xxProblem() {
        String header = "order_id,occurred_at,value,currency\n";
        return Stream.of(
                problem("offline no rows", 400, "body", r -> server(r).contentType("text/csv").body(header).post("/v1/conversions/offline")),
                problem("offline unknown content type", 415, null, r -> server(r).contentType("application/xml").body("<a/>").post("/v1/conversions/offline")),
                problem("offline no content type", 415, null, r -> server(r).body("a,b").post("/v1/conversions/offline")),
                problem("offline bad gzip", 400, "gzip", r -> server(r).contentType("text/csv").header("Content-Encoding", "gzip").body("x").post("/v1/conversions/offline")),
                problem("offline gzip bomb", 413, null, r -> server(r).contentType("text/csv").header("Content-Encoding", "gzip").body(gzip(new byte[20_000_000])).post("/v1/conversions/offline")),
                problem("offline invalid UTF-8", 400, "UTF-8", r -> server(r).contentType("text/csv").body(concat(header.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, ',', '\n'})).post("/v1/conversions/offline")),
                problem("offline bad JSON line", 400, null, r -> server(r).contentType("application/x-ndjson").body(ndjson("{\"order_id\":\n")).post("/v1/conversions/offline")),
                problem("offline wrong types", 400, null, r -> server(r).contentType("application/x-ndjson").body(ndjson("{\"order_id\":{},\"value\":[],\"currency\":1,\"occurred_at\":true}\n")).post("/v1/conversions/offline")),
                problem("offline JSON array line", 400, null, r -> server(r).contentType("application/x-ndjson").body(ndjson("[1,2]\n")).post("/v1/conversions/offline")),
                problem("offline nested arrays", 400, null, r -> server(r).contentType("application/x-ndjson").body(ndjson("{\"order_id\":" + nested(10_000) + "}\n")).post("/v1/conversions/offline")),
                problem("offline unterminated quote", 400, null, r -> server(r).contentType("text/csv").body(header + "\"A-1,2026-11-22T10:00:00Z,1,EUR\n").post("/v1/conversions/offline")),
                problem("offline far-future and far-past", 400, null, r -> server(r).contentType("text/csv").body(header
                        + "A-1,9999-12-31T23:59:59Z,1,EUR\nA-2,0001-01-01T00:00:00Z,1,EUR\n").post("/v1/conversions/offline")),
                problem("offline 10,001 rows", 413, "10000", r -> server(r).contentType("text/csv").body(header
                        + "A,2026-11-22T10:00:00Z,1,EUR\n".repeat(10_001)).post("/v1/conversions/offline")),
                problem("offline write key", 403, null, r -> writer(r).contentType("text/csv").body(header).post("/v1/conversions/offline")),
                problem("offline no key", 401, null, r -> r.contentType("text/csv").body(header).post("/v1/conversions/offline"))
        ).map(Case::test);
    }

    @TestFactory
    Stream<DynamicTest> webhooksOfUnknownOrBrokenIntegrationsAre401() {
        String order = "{\"id\":1,\"total_price\":\"1.00\",\"currency\":\"EUR\"}";
        return Stream.of(
                problem("webhook unknown integration", 401, null, r -> r.contentType("application/json")
                        .header("X-Shopify-Hmac-Sha256", "AAAA").header("X-Shopify-Webhook-Id", "d-1")
                        .header("X-Shopify-Triggered-At", OffsetDateTime.now(ZoneOffset.UTC).toString())
                        .body(order).post("/v1/webhooks/shopify/" + UUID.randomUUID())),
                problem("webhook id not a UUID", 401, null, r -> r.contentType("application/json").body(order).post("/v1/webhooks/shopify/not-a-uuid")),
                problem("webhook unknown partner", 401, null, r -> r.contentType("application/json").body(order).post("/v1/webhooks/myspace/" + UUID.randomUUID())),
                problem("webhook bad JSON, unsigned", 401, null, r -> r.contentType("application/json").body("{not json").post("/v1/webhooks/shopify/" + UUID.randomUUID())),
                problem("webhook 1 MB body", 413, null, r -> r.contentType("application/json").body("\"" + "x".repeat(1_048_576) + "\"").post("/v1/webhooks/shopify/" + UUID.randomUUID())),
                problem("webhook garbage timestamp", 401, null, r -> r.contentType("application/json").header("X-Shopify-Hmac-Sha256", "%%%")
                        .header("X-Shopify-Triggered-At", "0001-01-01").header("X-Shopify-Webhook-Id", "x".repeat(5_000))
                        .body(order).post("/v1/webhooks/shopify/" + UUID.randomUUID()))
        ).map(Case::test);
    }

    @TestFactory
    Stream<DynamicTest> deadLetterPagingParametersAreChecked() {
        return Stream.of(
                problem("dead letters limit 0", 400, "limit", r -> server(r).get("/v1/dead-letters?limit=0")),
                problem("dead letters limit too high", 400, "limit", r -> server(r).get("/v1/dead-letters?limit=100000")),
                problem("dead letters limit not a number", 400, "limit", r -> server(r).get("/v1/dead-letters?limit=ten")),
                problem("dead letters limit overflow", 400, "limit", r -> server(r).get("/v1/dead-letters?limit=99999999999999999999")),
                problem("dead letters garbage cursor", 400, "cursor", r -> server(r).get("/v1/dead-letters?cursor=garbage")),
                problem("dead letters base64 cursor of garbage", 400, "cursor", r -> server(r).get("/v1/dead-letters?cursor=eyJ4Ijoy")),
                problem("dead letters replay of a non-UUID", 404, null, r -> server(r).post("/v1/dead-letters/not-a-uuid/replay")),
                problem("dead letters replay of an unknown id", 404, null, r -> server(r).post("/v1/dead-letters/" + UUID.randomUUID() + "/replay")),
                problem("dead letters without a key", 401, null, r -> r.get("/v1/dead-letters")),
                problem("integrations limit not a number", 400, "limit", r -> server(r).get("/v1/integrations?limit=ten")),
                problem("integrations limit 0", 400, "limit", r -> server(r).get("/v1/integrations?limit=0"))
        ).map(Case::test);
    }

    private static byte[] ndjson(String lines) {
        return lines.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
