package io.podcastplatform.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private final UUID tenant = UUID.randomUUID();
    private final CloudEvent event = new CloudEvent(UUID.randomUUID(), "/identity", "io.podcastplatform.test",
            OffsetDateTime.parse("2026-11-22T10:15:30.5+01:00"), tenant, "subject-1", "{\"a\":1}".getBytes(UTF_8));

    @Test
    void headersRoundTripEveryAttribute() {
        RecordHeaders headers = new RecordHeaders(event.toHeaders());

        CloudEvent read = CloudEvent.fromRecord(headers, event.data());

        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.source()).isEqualTo("/identity");
        assertThat(read.type()).isEqualTo("io.podcastplatform.test");
        assertThat(read.time()).isEqualTo(event.time());
        assertThat(read.tenantId()).isEqualTo(tenant);
        assertThat(read.subject()).isEqualTo("subject-1");
        assertThat(read.dataAsString()).isEqualTo("{\"a\":1}");
        assertThat(new String(headers.lastHeader("ce_specversion").value(), UTF_8)).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("content-type").value(), UTF_8)).isEqualTo("application/json");
    }

    @Test
    void platformWideEventsCarryNoTenantHeader() {
        CloudEvent platformWide = new CloudEvent(UUID.randomUUID(), "/billing", "t", OffsetDateTime.now(), null, null, new byte[] {'{', '}'});

        RecordHeaders headers = new RecordHeaders(platformWide.toHeaders());

        assertThat(headers.lastHeader(CloudEventHeaders.TENANT_ID)).isNull();
        assertThat(CloudEvent.fromRecord(headers, platformWide.data()).tenant()).isEmpty();
    }

    @Test
    void recordsWithoutSpecVersionOrIdAreMalformed() {
        RecordHeaders noSpec = new RecordHeaders(event.toHeaders());
        noSpec.remove(CloudEventHeaders.SPEC_VERSION);
        assertThatThrownBy(() -> CloudEvent.fromRecord(noSpec, event.data()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_specversion");

        RecordHeaders badId = new RecordHeaders(event.toHeaders());
        badId.remove(CloudEventHeaders.ID);
        badId.add(CloudEventHeaders.ID, "not-a-uuid".getBytes(UTF_8));
        assertThatThrownBy(() -> CloudEvent.fromRecord(badId, event.data()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_id is not a UUID");
    }

    @Test
    void badTimeIsMalformed() {
        RecordHeaders headers = new RecordHeaders(event.toHeaders());
        headers.remove(CloudEventHeaders.TIME);
        headers.add(CloudEventHeaders.TIME, "yesterday".getBytes(UTF_8));

        assertThatThrownBy(() -> CloudEvent.fromRecord(headers, event.data()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("RFC 3339");
    }
}
