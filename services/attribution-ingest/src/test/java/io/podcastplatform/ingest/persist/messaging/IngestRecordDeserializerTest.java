package io.podcastplatform.ingest.persist.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.AttributionEvent;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.events.ingest.DownloadRequest;
import io.podcastplatform.events.ingest.ListenerEvent;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class IngestRecordDeserializerTest {

    private static final Map<String, Class<?>> TYPES = Map.of(
            Topics.INGEST_LISTENER_EVENT_V1, ListenerEvent.class,
            Topics.INGEST_ATTRIBUTION_EVENT_V1, AttributionEvent.class,
            Topics.INGEST_CONVERSION_EVENT_V1, ConversionEvent.class,
            Topics.INGEST_DOWNLOAD_REQUEST_V1, DownloadRequest.class);

    private final IngestRecordDeserializer deserializer = new IngestRecordDeserializer();
    private final UUID tenant = UUID.randomUUID();

    @Test
    void everyExampleOfEveryTopicBecomesItsTypedEvent() {
        TYPES.forEach((topic, type) -> EventSchemas.examples(topic).forEach(example -> {
            byte[] value = EventJson.write(example);
            DecodedRecord decoded = deserializer.deserialize(topic, headers(value), value);

            assertThat(decoded.usable()).as(topic + " " + decoded.unusableBecause()).isTrue();
            assertThat(decoded.event()).isInstanceOf(type).isEqualTo(EventJson.read(value, type));
            assertThat(decoded.payload()).isSameAs(value);
        }));
    }

    @Test
    void aRecordOffTheSchemaIsUnusableWithTheReasonAndItsHeadersTenant() {
        ObjectNode offSchema = EventSchemas.examples(Topics.INGEST_LISTENER_EVENT_V1).get(0).deepCopy();
        offSchema.put("action", "REWOUND");
        byte[] value = EventJson.write(offSchema);

        DecodedRecord decoded = deserializer.deserialize(Topics.INGEST_LISTENER_EVENT_V1, headers(value), value);

        assertThat(decoded.usable()).isFalse();
        assertThat(decoded.unusableBecause()).contains("schema").contains("action");
        assertThat(decoded.headerTenant()).isEqualTo(tenant);
        assertThat(decoded.payload()).isSameAs(value);
    }

    @Test
    void whateverArrivesNothingIsThrown() {
        byte[] listener = EventJson.write(EventSchemas.examples(Topics.INGEST_LISTENER_EVENT_V1).get(0));

        assertThat(deserializer.deserialize(Topics.INGEST_LISTENER_EVENT_V1, new RecordHeaders(), listener).unusableBecause())
                .contains("ce_specversion");
        assertThat(deserializer.deserialize(Topics.INGEST_LISTENER_EVENT_V1, headers(listener), "{not json".getBytes(UTF_8))
                .unusableBecause()).contains("not JSON");
        assertThat(deserializer.deserialize(Topics.INGEST_LISTENER_EVENT_V1, headers(listener), (byte[]) null).usable()).isFalse();
        assertThat(deserializer.deserialize(Topics.INGEST_LISTENER_EVENT_V1, null, listener).usable()).isFalse();
        assertThat(deserializer.deserialize(Topics.INGEST_DEAD_LETTER_V1, headers(listener), listener).unusableBecause())
                .contains("no ingest table takes records of " + Topics.INGEST_DEAD_LETTER_V1);
        assertThat(deserializer.deserialize(Topics.INGEST_LISTENER_EVENT_V1, listener).unusableBecause()).contains("ce_specversion");
    }

    private RecordHeaders headers(byte[] value) {
        return new RecordHeaders(new CloudEvent(UUID.randomUUID(), "/attribution-ingest", "io.podcastplatform.test", OffsetDateTime.now(),
                tenant, "subject", value).toHeaders());
    }
}
