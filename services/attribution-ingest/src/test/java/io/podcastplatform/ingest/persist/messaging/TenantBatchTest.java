package io.podcastplatform.ingest.persist.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.ingest.AttributionEvent;
import io.podcastplatform.events.ingest.ClientContext;
import io.podcastplatform.events.ingest.ListenerEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantBatchTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final ClientContext CLIENT = new ClientContext(null, null, null, null, "MISSING", null, null, null, null, true);

    @Test
    void partsHoldOneStreamEachAtMostTheGivenRowsEveryEventOnceInOrder() {
        TenantBatch batch = new TenantBatch(TENANT);
        for (int i = 0; i < 7; i++) {
            batch.add(listen("l-" + i), Topics.INGEST_LISTENER_EVENT_V1, new byte[0]);
        }
        batch.add(listen("l-3"), Topics.INGEST_LISTENER_EVENT_V1, new byte[0]); // delivered twice in one poll
        for (int i = 0; i < 2; i++) {
            batch.add(touch("a-" + i), Topics.INGEST_ATTRIBUTION_EVENT_V1, new byte[0]);
        }

        List<TenantBatch> parts = batch.parts(3);

        assertThat(parts).extracting(TenantBatch::size).containsExactly(3, 3, 1, 2);
        assertThat(parts).allSatisfy(part -> assertThat(part.tenantId).isEqualTo(TENANT));
        assertThat(parts.subList(0, 3)).allSatisfy(part -> assertThat(part.attribution).isEmpty());
        assertThat(parts.subList(0, 3).stream().flatMap(part -> part.listener.keySet().stream()))
                .containsExactly("l-0", "l-1", "l-2", "l-3", "l-4", "l-5", "l-6");
        assertThat(parts.get(3).listener).isEmpty();
        assertThat(parts.get(3).attribution).containsOnlyKeys("a-0", "a-1");
        assertThat(batch.parts(100)).extracting(TenantBatch::size).containsExactly(7, 2);
        assertThat(new TenantBatch(TENANT).parts(5)).isEmpty();
        assertThatThrownBy(() -> batch.parts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ListenerEvent listen(String messageId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new ListenerEvent(UUID.randomUUID(), TENANT, messageId, "STARTED", now, now, null, "a", null, null, null, 0.0, null, null, CLIENT);
    }

    private static AttributionEvent touch(String messageId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new AttributionEvent(UUID.randomUUID(), TENANT, messageId, "page", null, now, now, null, "a", null, null, null, null, null,
                CLIENT);
    }
}
