package io.podcastplatform.bench.ingest;

import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.ingest.ClientContext;
import io.podcastplatform.events.ingest.ListenerEvent;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Inputs of the raw limits, made of the same listener events the batches carry: the record values
 * the service publishes (for Kafka's ProducerPerformance {@code --payload-file}) and rows of
 * {@code ingest.listener_events} as the service stores them (for {@code COPY}).
 */
final class RawInputs {

    private static final String COPY_COLUMNS = "tenant_id,event_id,message_id,occurred_at,received_at,event_type,user_id,anonymous_id,"
            + "session_id,episode_id,enclosure_url,position_seconds,duration_seconds,listen_duration_seconds,completion_rate,platform,"
            + "device_type,device_name,app_name,agent_kind,bot,country_code,ip_hash,household_hash,user_agent";

    private RawInputs() {
    }

    /** One serialized listener event per line; prints the average size. */
    static void payloads(Options options) throws Exception {
        int count = (int) options.number("count", 1000);
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(options.text("out")), StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String line = new String(EventJson.write(listenerEvent(UUID.randomUUID(), i)), StandardCharsets.UTF_8);
                bytes += line.length();
                out.write(line);
                out.write('\n');
            }
        }
        Results.print("event_record_bytes", bytes / count);
    }

    /** {@code rows} CSV rows of listener_events for one tenant; the column list goes to stdout for COPY. */
    static void copyRows(Options options) throws Exception {
        UUID tenantId = UUID.fromString(options.text("tenant"));
        long rows = options.number("rows", 300_000);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(options.text("out")), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(600);
            for (long i = 0; i < rows; i++) {
                ListenerEvent e = listenerEvent(tenantId, i);
                ClientContext c = e.client();
                line.setLength(0);
                line.append(tenantId).append(',').append(e.id()).append(',').append(e.messageId()).append(',').append(e.occurredAt())
                        .append(',').append(e.receivedAt()).append(",progress,,").append(e.anonymousId()).append(',').append(e.sessionId())
                        .append(',').append(e.episodeId()).append(",,").append(e.positionSeconds()).append(',').append(e.durationSeconds())
                        .append(',').append(e.positionSeconds()).append(',').append(e.positionSeconds() / e.durationSeconds())
                        .append(',').append(e.platform()).append(',').append(c.deviceCategory()).append(',').append(c.deviceName())
                        .append(',').append(c.appName()).append(',').append(c.agentKind()).append(',').append(c.bot()).append(",,")
                        .append(c.ipHash()).append(',').append(c.householdHash()).append(",\"").append(c.userAgent()).append("\"\n");
                out.append(line);
            }
        }
        System.out.println(COPY_COLUMNS);
    }

    private static ListenerEvent listenerEvent(UUID tenantId, long index) {
        long h = BatchBodies.mix(index);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int listener = (int) (h % BatchBodies.LISTENERS);
        UUID episode = UUID.nameUUIDFromBytes(("bench-episode-" + (h >>> 20) % BatchBodies.EPISODES).getBytes(StandardCharsets.UTF_8));
        String hash = Long.toHexString(h) + Long.toHexString(BatchBodies.mix(h)) + Long.toHexString(BatchBodies.mix(h + 1))
                + Long.toHexString(BatchBodies.mix(h + 2));
        ClientContext client = new ClientContext(hash, new StringBuilder(hash).reverse().toString(), null,
                "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4_1 like Mac OS X; en_us)", "app", "Apple Podcasts", "Apple Podcasts",
                "iPhone", "mobile", false);
        return new ListenerEvent(UUID.randomUUID(), tenantId, "copy-" + index, "PROGRESS", now, now, null, "listener-" + listener,
                "session-" + listener, episode, null, (double) ((h >>> 8) % 3600), 3600.0, "ios", client);
    }
}
