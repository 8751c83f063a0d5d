package io.podcastplatform.events.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Data of {@link io.podcastplatform.events.Topics#INGEST_LISTENER_EVENT_V1}: a player's report that an
 * episode started, progressed, paused or completed (Segment {@code track} events "Episode Started",
 * "Episode Progress", "Episode Paused", "Episode Completed"). Keyed by {@code <tenantId>:<userId or
 * anonymousId>} so one listener's events stay in order.
 *
 * @param id              derived from tenant and messageId, so a resent message gets the same id
 * @param messageId       the sender's deduplication key
 * @param action          STARTED, PROGRESS, PAUSED or COMPLETED
 * @param occurredAt      the event's time after clock-skew correction
 * @param episodeId       the episode, when the sender named it
 * @param enclosureUrl    the audio URL, when the sender gave it instead of (or beside) the episode id
 * @param positionSeconds where in the episode the player was
 * @param durationSeconds the episode's length as the player knows it
 * @param platform        the sender's platform property (e.g. ios, android, web)
 */
public record ListenerEvent(UUID id, UUID tenantId, String messageId, String action, OffsetDateTime occurredAt,
                            OffsetDateTime receivedAt, String userId, String anonymousId, String sessionId, UUID episodeId,
                            String enclosureUrl, Double positionSeconds, Double durationSeconds, String platform,
                            ClientContext client) implements IngestEvent {

    public static final String TYPE = "io.podcastplatform.ingest.listener-event";
}
