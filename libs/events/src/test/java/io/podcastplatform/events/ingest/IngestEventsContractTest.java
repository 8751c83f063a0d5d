package io.podcastplatform.events.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IngestEventsContractTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T08:00:00.123Z");
    private static final ClientContext CLIENT = new ClientContext("ab".repeat(32), "cd".repeat(32), "DE",
            "Podcasts/1650.20 CFNetwork/1333.0.4 Darwin/21.5.0", "APP", "Apple Podcasts", "Apple Podcasts", "Apple iPhone",
            "mobile", false);
    private static final Campaign CAMPAIGN = new Campaign("podcast", "audio", "ep42", null, null);

    private static JsonNode json(Object record) {
        return EventJson.tree(EventJson.write(record));
    }

    @Test
    void listenerEventsMatchTheSchemaAndExamplesReadBack() {
        ListenerEvent event = new ListenerEvent(UUID.randomUUID(), TENANT, "m-1", "PROGRESS", NOW, NOW, null, "anon-1", "s-1",
                UUID.randomUUID(), "https://media.example.com/a.mp3", 61.5, 600.0, "ios", CLIENT);

        assertThat(EventSchemas.violations(Topics.INGEST_LISTENER_EVENT_V1, json(event))).isEmpty();
        for (JsonNode example : EventSchemas.examples(Topics.INGEST_LISTENER_EVENT_V1)) {
            ListenerEvent read = EventJson.read(EventJson.write(example), ListenerEvent.class);
            assertThat(read.messageId()).isEqualTo(example.get("messageId").asText());
            assertThat(read.client().agentKind()).isEqualTo(example.get("client").get("agentKind").asText());
        }
    }

    @Test
    void attributionEventsMatchTheSchemaAndExamplesReadBack() {
        AttributionEvent event = new AttributionEvent(UUID.randomUUID(), TENANT, "m-2", "page", "Pricing", NOW, NOW, "u-1", null,
                null, "https://acme.example/pricing", "https://google.com/", CAMPAIGN, Map.of("path", "/pricing", "n", 3), CLIENT);

        assertThat(EventSchemas.violations(Topics.INGEST_ATTRIBUTION_EVENT_V1, json(event))).isEmpty();
        for (JsonNode example : EventSchemas.examples(Topics.INGEST_ATTRIBUTION_EVENT_V1)) {
            AttributionEvent read = EventJson.read(EventJson.write(example), AttributionEvent.class);
            assertThat(read.type()).isEqualTo(example.get("type").asText());
        }
    }

    @Test
    void conversionEventsMatchTheSchemaAndExamplesReadBack() {
        ConversionEvent event = new ConversionEvent(UUID.randomUUID(), TENANT, "m-3", "TRACK", "order_completed", "A-1",
                new BigDecimal("49.90"), "EUR", NOW, NOW, "u-1", null, null, null, CAMPAIGN, CLIENT);

        assertThat(EventSchemas.violations(Topics.INGEST_CONVERSION_EVENT_V1, json(event))).isEmpty();
        for (JsonNode example : EventSchemas.examples(Topics.INGEST_CONVERSION_EVENT_V1)) {
            ConversionEvent read = EventJson.read(EventJson.write(example), ConversionEvent.class);
            assertThat(read.source()).isEqualTo(example.get("source").asText());
        }
    }

    @Test
    void downloadRequestsMatchTheSchemaAndExamplesReadBack() {
        DownloadRequest request = new DownloadRequest(UUID.randomUUID(), TENANT, NOW, "GET", "https://media.example.com/a.mp3",
                null, null, "bytes=0-", null, CLIENT);

        assertThat(EventSchemas.violations(Topics.INGEST_DOWNLOAD_REQUEST_V1, json(request))).isEmpty();
        for (JsonNode example : EventSchemas.examples(Topics.INGEST_DOWNLOAD_REQUEST_V1)) {
            DownloadRequest read = EventJson.read(EventJson.write(example), DownloadRequest.class);
            assertThat(read.enclosureUrl()).isEqualTo(example.get("enclosureUrl").asText());
        }
    }

    @Test
    void deadLettersMatchTheSchemaAndExamplesReadBack() {
        DeadLetter letter = new DeadLetter(UUID.randomUUID(), null, "PIXEL", "writeKey: missing", null, null, "GET /v1/pixel.gif", NOW);

        assertThat(EventSchemas.violations(Topics.INGEST_DEAD_LETTER_V1, json(letter))).isEmpty();
        for (JsonNode example : EventSchemas.examples(Topics.INGEST_DEAD_LETTER_V1)) {
            DeadLetter read = EventJson.read(EventJson.write(example), DeadLetter.class);
            assertThat(read.reason()).isEqualTo(example.get("reason").asText());
        }
    }

    @Test
    void anEventWithoutUserOrAnonymousIdOrWithARawIpIsRefused() {
        ObjectNode anonymous = EventSchemas.examples(Topics.INGEST_LISTENER_EVENT_V1).get(0).deepCopy();
        anonymous.putNull("anonymousId");
        anonymous.putNull("userId");
        assertThat(EventSchemas.violations(Topics.INGEST_LISTENER_EVENT_V1, anonymous)).isNotEmpty();

        ObjectNode rawIp = EventSchemas.examples(Topics.INGEST_DOWNLOAD_REQUEST_V1).get(0).deepCopy();
        ((ObjectNode) rawIp.get("client")).put("ip", "203.0.113.7");
        assertThat(EventSchemas.violations(Topics.INGEST_DOWNLOAD_REQUEST_V1, rawIp)).isNotEmpty();

        ObjectNode plainHttp = EventSchemas.examples(Topics.INGEST_DOWNLOAD_REQUEST_V1).get(0).deepCopy();
        plainHttp.put("enclosureUrl", "http://media.example.com/a.mp3");
        assertThat(EventSchemas.violations(Topics.INGEST_DOWNLOAD_REQUEST_V1, plainHttp)).isNotEmpty();
    }
}
