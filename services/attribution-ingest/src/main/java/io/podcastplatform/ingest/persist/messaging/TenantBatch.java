package io.podcastplatform.ingest.persist.messaging;

import io.podcastplatform.events.ingest.AttributionEvent;
import io.podcastplatform.events.ingest.ConversionEvent;
import io.podcastplatform.events.ingest.DownloadRequest;
import io.podcastplatform.events.ingest.IngestEvent;
import io.podcastplatform.events.ingest.ListenerEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of one tenant in one poll, one per message id and stream (a message delivered twice in one
 * poll is stored once, like one delivered again later), each with the record it came from.
 */
final class TenantBatch {

    record Entry<T extends IngestEvent>(T event, String topic, byte[] payload) {
    }

    final UUID tenantId;
    final Map<String, Entry<ListenerEvent>> listener = new LinkedHashMap<>();
    final Map<String, Entry<AttributionEvent>> attribution = new LinkedHashMap<>();
    final Map<String, Entry<ConversionEvent>> conversion = new LinkedHashMap<>();
    final Map<UUID, Entry<DownloadRequest>> download = new LinkedHashMap<>();

    TenantBatch(UUID tenantId) {
        this.tenantId = tenantId;
    }

    void add(IngestEvent event, String topic, byte[] payload) {
        if (event instanceof ListenerEvent e) {
            listener.putIfAbsent(e.messageId(), new Entry<>(e, topic, payload));
        } else if (event instanceof AttributionEvent e) {
            attribution.putIfAbsent(e.messageId(), new Entry<>(e, topic, payload));
        } else if (event instanceof ConversionEvent e) {
            conversion.putIfAbsent(e.messageId(), new Entry<>(e, topic, payload));
        } else if (event instanceof DownloadRequest e) {
            download.putIfAbsent(e.id(), new Entry<>(e, topic, payload));
        } else {
            // a kind of event IngestEvent permits later, with no table here yet: refused rather than dropped
            throw new IllegalArgumentException("no table stores " + event.getClass().getSimpleName());
        }
    }

    int size() {
        return listener.size() + attribution.size() + conversion.size() + download.size();
    }

    /** Every entry as a batch of its own, to find the one a statement refuses. */
    List<TenantBatch> singles() {
        List<TenantBatch> singles = new ArrayList<>();
        for (Map<?, ? extends Entry<?>> stream : List.of(listener, attribution, conversion, download)) {
            for (Entry<?> entry : stream.values()) {
                TenantBatch single = new TenantBatch(tenantId);
                single.add(entry.event(), entry.topic(), entry.payload());
                singles.add(single);
            }
        }
        return singles;
    }

    /**
     * The batch in parts of one stream each with at most {@code maxRows} events, in order: each part can be stored by a
     * statement (and a transaction) of its own.
     */
    List<TenantBatch> parts(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        List<TenantBatch> parts = new ArrayList<>();
        for (Map<?, ? extends Entry<?>> stream : List.of(listener, attribution, conversion, download)) {
            TenantBatch part = null;
            for (Entry<?> entry : stream.values()) {
                if (part == null || part.size() == maxRows) {
                    part = new TenantBatch(tenantId);
                    parts.add(part);
                }
                part.add(entry.event(), entry.topic(), entry.payload());
            }
        }
        return parts;
    }

    Entry<?> only() {
        for (Map<?, ? extends Entry<?>> stream : List.of(listener, attribution, conversion, download)) {
            if (!stream.isEmpty()) {
                return stream.values().iterator().next();
            }
        }
        throw new IllegalStateException("empty batch");
    }

    static <T extends IngestEvent> List<T> events(Map<?, Entry<T>> stream) {
        return stream.values().stream().map(Entry::event).toList();
    }
}
