package io.podcastplatform.analytics.iab.service;

import io.podcastplatform.useragents.UserAgentClassifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Counts downloads by the IAB Podcast Technical Measurement Guidelines v2.2/v2.3:
 * <ul>
 * <li>only GET requests for the audio count; HEAD never does;</li>
 * <li>requests without a User-Agent, from user agents the OPAWG lists name as bots (or libraries marked
 * as bots), and Apple Watch duplicates are left out;</li>
 * <li>{@code bytes=0-1} probes deliver nothing and are left out;</li>
 * <li>a listener is IP (IPv6 reduced to its /64) and User-Agent, per episode;</li>
 * <li>a download needs one minute of audio delivered, {@code bytes × 60 / duration}, or the whole file for
 * an episode shorter than a minute; a listener's byte ranges are reassembled (their union) until then,
 * so play-pause-play is one download; without a known length or duration any GET but a probe counts;</li>
 * <li>a listener counts once per 24-hour window, in the tenant's {@link WindowMode}.</li>
 * </ul>
 * Ranges of one listener accumulate for at most one window's length before they start over.
 */
public final class IabDownloadCounter {

    private static final Duration DAY = Duration.ofHours(24);

    private final UserAgentClassifier userAgents;
    private final boolean botsIncluded;

    public IabDownloadCounter(UserAgentClassifier userAgents) {
        this(userAgents, false);
    }

    private IabDownloadCounter(UserAgentClassifier userAgents, boolean botsIncluded) {
        this.userAgents = userAgents;
        this.botsIncluded = botsIncluded;
    }

    /**
     * The same rules with the bot lists switched off (OP3's {@code bots=include}); Apple Watch duplicates stay
     * out because they are the same listening counted twice, not a bot.
     */
    public IabDownloadCounter botsIncluded() {
        return new IabDownloadCounter(userAgents, true);
    }

    public List<CountedDownload> count(List<DownloadRequest> requests, WindowMode mode) {
        List<DownloadRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparing(DownloadRequest::at));
        Map<String, Listener> listeners = new HashMap<>();
        List<CountedDownload> counted = new ArrayList<>();
        for (DownloadRequest request : ordered) {
            if (!"GET".equalsIgnoreCase(request.method()) || ByteRanges.isProbe(request.range())
                    || excluded(request.userAgent())) {
                continue;
            }
            String key = request.episodeId() + "|" + listener(request);
            Listener listener = listeners.computeIfAbsent(key, k -> new Listener());
            if (listener.windowEnd == null || !request.at().isBefore(listener.windowEnd)) {
                listener.start(request.at(), mode);
            } else if (listener.counted && mode == WindowMode.EXTENDING) {
                listener.windowEnd = request.at().plus(DAY);
            }
            listener.ranges.add(ByteRanges.requested(request.range(), request.episodeBytes()));
            if (!listener.counted && listener.ranges.covered() >= threshold(request)) {
                listener.counted = true;
                listener.windowEnd = switch (mode) {
                    case FIXED_UTC_DAY -> endOfUtcDay(request.at());
                    case ROLLING, EXTENDING -> request.at().plus(DAY);
                };
                counted.add(new CountedDownload(request.episodeId(), key, request.at(), request));
            }
        }
        return counted;
    }

    private boolean excluded(String userAgent) {
        var classification = userAgents.classify(userAgent, null);
        return botsIncluded ? classification.appleWatchDuplicate() : classification.excludedFromIabDownloads();
    }

    /** Bytes one minute of the audio takes; the whole file below a minute; 1 when unknown (any GET counts). */
    static long threshold(DownloadRequest request) {
        Long bytes = request.episodeBytes();
        Integer seconds = request.durationSeconds();
        if (bytes == null || seconds == null || seconds <= 0) {
            return 1;
        }
        if (seconds < 60) {
            return bytes;
        }
        return (bytes * 60 + seconds - 1) / seconds;
    }

    /**
     * The listener of unique-listener counts: address (as {@link #listenerAddress}) and User-Agent, as the IAB
     * listener, without the episode.
     */
    public static String listener(DownloadRequest request) {
        return listenerAddress(request.address()) + "|" + request.userAgent();
    }

    /** An IPv6 literal's first 64 bits; anything else (IPv4, a stored hash) as it is. */
    public static String listenerAddress(String address) {
        if (address == null || address.indexOf(':') < 0 || !address.matches("[0-9a-fA-F:.]+")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static Instant endOfUtcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** What is known of one listener of one episode: the current window and the bytes it received in it. */
    private static final class Listener {
        private Instant windowEnd;
        private boolean counted;
        private ByteRanges ranges = ByteRanges.empty();

        /** A new window opens with this request; until it counts, ranges gather for one window's length. */
        void start(Instant at, WindowMode mode) {
            counted = false;
            ranges = ByteRanges.empty();
            windowEnd = mode == WindowMode.FIXED_UTC_DAY ? endOfUtcDay(at) : at.plus(DAY);
        }
    }
}
