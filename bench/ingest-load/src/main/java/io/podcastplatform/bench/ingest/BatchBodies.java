package io.podcastplatform.bench.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code /v1/batch} bodies shaped like real senders' traffic: "Episode Progress" tracks from podcast
 * apps (episode, position, duration, platform, session, app context) and web page views with page,
 * referrer and UTM campaign context. Every event has a unique message id ({@code <run>-<index>}), so
 * the service stores each one; listeners and episodes repeat as they do in real traffic.
 * Written with a StringBuilder, not a JSON library, to keep the load generator's CPU share small on a
 * box it shares with the service.
 */
final class BatchBodies {

    static final int LISTENERS = 10_000;
    static final int EPISODES = 50;

    private static final String[] PLATFORMS = {"ios", "android", "web"};
    private static final String[] PLAYER_AGENTS = {
            "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4_1 like Mac OS X; en_us)",
            "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)",
            "PocketCasts/1.0 (Pocket Casts - Android; +https://pocketcasts.com/)",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"};
    private static final String BROWSER_AGENT =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";

    private final String runId;
    private final double listenerShare;
    private final String[] episodeIds = new String[EPISODES];

    /** @param listenerShare the share (0..1) of events that are listener events; the rest are page views */
    BatchBodies(String runId, double listenerShare) {
        this.runId = runId;
        this.listenerShare = listenerShare;
        for (int i = 0; i < EPISODES; i++) {
            episodeIds[i] = UUID.nameUUIDFromBytes(("bench-episode-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        }
    }

    /** Whether event {@code index} is a listener event (the others are page views); the same answer every time. */
    boolean isListenerEvent(long index) {
        return (mix(index) % 1000) < Math.round(listenerShare * 1000);
    }

    /** A batch of events {@code first .. first + size - 1}. */
    String batch(long first, int size) {
        String now = Instant.now().toString();
        StringBuilder body = new StringBuilder(size * 700);
        body.append("{\"sentAt\":\"").append(now).append("\",\"context\":{\"library\":{\"name\":\"ingest-load\",\"version\":\"1.0\"}},\"batch\":[");
        for (long index = first; index < first + size; index++) {
            if (index > first) {
                body.append(',');
            }
            if (isListenerEvent(index)) {
                listenerEvent(body, index, now);
            } else {
                pageEvent(body, index, now);
            }
        }
        return body.append("]}").toString();
    }

    private void listenerEvent(StringBuilder body, long index, String now) {
        long h = mix(index);
        int listener = (int) (h % LISTENERS);
        int episode = (int) ((h >>> 20) % EPISODES);
        int platform = listener % PLATFORMS.length;
        body.append("{\"type\":\"track\",\"event\":\"Episode Progress\",\"messageId\":\"").append(runId).append('-').append(index)
                .append("\",\"anonymousId\":\"listener-").append(listener)
                .append("\",\"timestamp\":\"").append(now)
                .append("\",\"properties\":{\"episode_id\":\"").append(episodeIds[episode])
                .append("\",\"position\":").append((h >>> 8) % 3600)
                .append(",\"duration\":3600,\"platform\":\"").append(PLATFORMS[platform])
                .append("\",\"session_id\":\"session-").append(listener).append('-').append(episode)
                .append("\"},\"context\":{\"userAgent\":\"").append(PLAYER_AGENTS[listener % PLAYER_AGENTS.length])
                .append("\",\"app\":{\"name\":\"Bench Player\",\"version\":\"4.2.1\",\"build\":\"421\"}")
                .append(",\"device\":{\"type\":\"").append(PLATFORMS[platform]).append("\",\"model\":\"iPhone15,2\"}")
                .append(",\"os\":{\"name\":\"iOS\",\"version\":\"17.4.1\"},\"locale\":\"en-US\",\"timezone\":\"Europe/Berlin\"}}");
    }

    private void pageEvent(StringBuilder body, long index, String now) {
        long h = mix(index);
        int visitor = (int) (h % LISTENERS);
        int episode = (int) ((h >>> 20) % EPISODES);
        body.append("{\"type\":\"page\",\"name\":\"Episode ").append(episode).append("\",\"messageId\":\"").append(runId).append('-')
                .append(index).append("\",\"anonymousId\":\"visitor-").append(visitor)
                .append("\",\"timestamp\":\"").append(now)
                .append("\",\"properties\":{\"title\":\"Episode ").append(episode).append(" - Bench Show\",\"path\":\"/episodes/")
                .append(episode).append("\"},\"context\":{\"page\":{\"url\":\"https://bench-show.example.com/episodes/").append(episode)
                .append("?utm_source=podcast&utm_medium=audio&utm_campaign=spring-launch\",\"referrer\":\"https://www.google.com/\"")
                .append(",\"path\":\"/episodes/").append(episode).append("\",\"title\":\"Episode ").append(episode).append("\"}")
                .append(",\"campaign\":{\"source\":\"podcast\",\"medium\":\"audio\",\"name\":\"spring-launch\"}")
                .append(",\"userAgent\":\"").append(BROWSER_AGENT).append("\",\"locale\":\"en-US\"}}");
    }

    /** A cheap, well-spread hash of an index (SplitMix64), so shapes vary without a shared random generator. */
    static long mix(long index) {
        long z = index + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
