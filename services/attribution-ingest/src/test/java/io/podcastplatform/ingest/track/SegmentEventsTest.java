package io.podcastplatform.ingest.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.events.ingest.ListenerEvent;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.ingest.enrich.TestConfigs;
import io.podcastplatform.ingest.enrich.service.ClientEnricher;
import io.podcastplatform.ingest.enrich.service.IpHasher;
import io.podcastplatform.ingest.track.service.EventClock;
import io.podcastplatform.ingest.track.service.EventVerdict;
import io.podcastplatform.ingest.track.service.ReceivedRequest;
import io.podcastplatform.ingest.track.service.RequestBodies;
import io.podcastplatform.ingest.track.service.SegmentEvents;
import io.podcastplatform.web.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SegmentEventsTest {

    private static final IngestConfig CONFIG = TestConfigs.config(List.of());
    private static final SegmentEvents EVENTS = new SegmentEvents(
            new ClientEnricher(new IpHasher(CONFIG), address -> Optional.of("DE"), CONFIG), CONFIG);
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T08:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final ReceivedRequest REQUEST = new ReceivedRequest(TENANT, false, NOW,
            io.podcastplatform.ingest.enrich.service.ClientAddresses.parseLiteral("203.0.113.9"), "Podcasts/1650.20 CFNetwork/1333.0.4 Darwin/21.5.0", null);

    private static EventVerdict read(String json, String type) {
        return EVENTS.read(0, EventJson.tree(json.getBytes(StandardCharsets.UTF_8)), type, REQUEST);
    }

    @Test
    void theSizeBoundIsNeverBelowTheSerializedSize() throws IOException {
        List<String> events = List.of(
                "{}",
                "{\"a\":null,\"b\":true,\"c\":false,\"n\":-1.2345678901234567E-308,\"i\":-9223372036854775808}",
                "{\"control\":\"\\u0001\\u0002\\u001f\",\"quote\":\"\\\"\\\\\",\"\\u0007key\":[1,2.5,[],{}]}",
                "{\"utf8\":\"h\u00e9ll\u00f6 \u20ac \ud83c\udf99\",\"big\":123456789012345678901234567890,\"exp\":1e300}",
                "{\"context\":{\"page\":{\"url\":\"https://x.example/\u00e4?a=1&b=<2>\"}},\"properties\":{\"list\":[\"a\",null,{\"b\":[[]]}]}}");
        for (String json : events) {
            JsonNode node = EventJson.tree(json.getBytes(StandardCharsets.UTF_8));
            int serialized = EventJson.mapper().writeValueAsBytes(node).length;
            assertThat(SegmentEvents.upperBoundOfSize(node, Long.MAX_VALUE / 4)).as(json).isGreaterThanOrEqualTo(serialized);
        }
    }

    @Test
    void anEventPastTheLimitOnlyThroughEscapesIsStillRefused() {
        // 6,000 control characters: 6,000 characters of text, 36,000 bytes once escaped
        String escaped = "\\u0001".repeat(6_000);
        EventVerdict verdict = read("{\"messageId\":\"big\",\"userId\":\"u\",\"event\":\"Clicked\",\"properties\":{\"x\":\"" + escaped + "\"}}",
                "track");

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reasons()).singleElement().asString().contains("bytes per event");
    }

    @Test
    void clockSkewIsCorrectedWithSentAt() {
        OffsetDateTime clientNow = NOW.minusHours(3);
        assertThat(EventClock.occurredAt(clientNow.minusSeconds(30), clientNow, NOW)).isEqualTo(NOW.minusSeconds(30));
        assertThat(EventClock.occurredAt(NOW.minusSeconds(5), null, NOW)).isEqualTo(NOW.minusSeconds(5));
        assertThat(EventClock.occurredAt(null, null, NOW)).isEqualTo(NOW);
    }

    @Test
    void episodeTracksBecomeSchemaValidListenerEventsWithTheSameIdForTheSameMessage() {
        EventVerdict verdict = read("{\"messageId\":\"m1\",\"userId\":7,\"event\":\"Episode Paused\",\"timestamp\":\"2026-11-22T07:59:00.000+0000\","
                + "\"properties\":{\"enclosure_url\":\"https://a.example/e.mp3\",\"position\":12}}", "track");

        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.events()).singleElement().satisfies(event -> {
            assertThat(event.topic()).isEqualTo(Topics.INGEST_LISTENER_EVENT_V1);
            assertThat(event.key()).isEqualTo(TENANT + ":7");
            ListenerEvent listen = (ListenerEvent) event.data();
            assertThat(listen.action()).isEqualTo("PAUSED");
            assertThat(listen.occurredAt()).isEqualTo(NOW.minusMinutes(1));
            assertThat(listen.client().countryCode()).isEqualTo("DE");
            assertThat(listen.client().appName()).isEqualTo("Apple Podcasts");
            assertThat(listen.id()).isEqualTo(SegmentEvents.eventId(TENANT, "listener", "m1"));
            assertThat(EventSchemas.violations(Topics.INGEST_LISTENER_EVENT_V1, EventJson.tree(EventJson.write(listen)))).isEmpty();
        });
    }

    @Test
    void anOrderIsATouchpointAndAConversion() {
        EventVerdict verdict = read("{\"messageId\":\"m2\",\"anonymousId\":\"a\",\"event\":\"Order Completed\",\"properties\":{\"total\":99,\"currency\":\"usd\"}}", "track");

        assertThat(verdict.events()).extracting(e -> e.topic())
                .containsExactly(Topics.INGEST_ATTRIBUTION_EVENT_V1, Topics.INGEST_CONVERSION_EVENT_V1);
        ConversionEvent conversion = (ConversionEvent) verdict.events().get(1).data();
        assertThat(conversion.value()).isEqualByComparingTo("99");
        assertThat(conversion.currency()).isEqualTo("USD");
        for (var event : verdict.events()) {
            JsonNode json = EventJson.tree(EventJson.write(event.data()));
            assertThat(EventSchemas.violations(event.topic(), json)).isEmpty();
        }
    }

    @Test
    void everyProblemOfAnEventIsListed() {
        EventVerdict verdict = read("{\"type\":\"page\",\"messageId\":5,\"properties\":\"x\",\"timestamp\":\"soon\",\"sentAt\":1}", "track");

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reasons()).anyMatch(r -> r.startsWith("messageId:"))
                .anyMatch(r -> r.startsWith("type: must be track"))
                .anyMatch(r -> r.startsWith("userId:"))
                .anyMatch(r -> r.startsWith("properties:"))
                .anyMatch(r -> r.startsWith("timestamp:"))
                .anyMatch(r -> r.startsWith("sentAt:"));
        assertThat(read("{\"anonymousId\":\"a\",\"event\":\"Episode Started\",\"properties\":{\"episode_id\":\"nope\",\"position\":-1}}", "track").reasons())
                .contains("properties.episode_id: must be a UUID", "properties.position: must be a number of seconds, 0 or more");
        assertThat(read("{\"anonymousId\":\"a\",\"event\":\"Order Completed\",\"properties\":{\"revenue\":\"lots\",\"currency\":\"euro\"}}", "track").reasons())
                .contains("properties.revenue: must be a number", "properties.currency: is longer than 3 characters");
    }

    @Test
    void gzipIsDecodedWithinTheLimitAndBombsAreStopped() throws IOException {
        byte[] small = gzip("{\"a\":1}");
        assertThat(new String(RequestBodies.decode(small, "gzip", 100), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        byte[] bomb = gzip("0".repeat(10_000_000));
        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> RequestBodies.decode(bomb, "gzip", 512_000)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("512000 bytes").extracting(e -> ((ProblemException) e).status()).isEqualTo(413);
        assertThatThrownBy(() -> RequestBodies.decode(new byte[] {1, 2, 3}, "gzip", 100)).extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
