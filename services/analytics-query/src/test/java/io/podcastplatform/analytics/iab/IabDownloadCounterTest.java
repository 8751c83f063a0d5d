package io.podcastplatform.analytics.iab;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.analytics.iab.service.CountedDownload;
import io.podcastplatform.analytics.iab.service.DownloadRequest;
import io.podcastplatform.analytics.iab.service.IabDownloadCounter;
import io.podcastplatform.analytics.iab.service.WindowMode;
import io.podcastplatform.useragents.UserAgentClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fixture of download requests whose IAB answers were worked out by hand, in all three window modes.
 * Episode HOUR: 60,000,000 bytes over 3,600 s, so one minute is 1,000,000 bytes. Episode SHORT: 500,000
 * bytes over 30 s, so the whole file is needed. Episode UNKNOWN: neither length nor duration known.
 */
class IabDownloadCounterTest {

    private static final UUID HOUR = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID SHORT = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-4000-8000-000000000003");

    private static final String APPLE_PODCASTS = "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0";
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String APPLE_WATCH = "atc/1.0 watchOS/10.4 model/Watch6,1 hwp/t8301 build/21T216 (6; dt:264)";

    private static UserAgentClassifier userAgents;

    @BeforeAll
    static void lists() {
        userAgents = UserAgentClassifier.bundled();
    }

    private static DownloadRequest get(String at, String address, String userAgent, String range, UUID episode) {
        return request("GET", at, address, userAgent, range, episode);
    }

    private static DownloadRequest request(String method, String at, String address, String userAgent, String range, UUID episode) {
        Long bytes = episode.equals(HOUR) ? Long.valueOf(60_000_000L) : episode.equals(SHORT) ? Long.valueOf(500_000L) : null;
        Integer seconds = episode.equals(HOUR) ? Integer.valueOf(3600) : episode.equals(SHORT) ? Integer.valueOf(30) : null;
        return new DownloadRequest(Instant.parse(at), method, address, userAgent, range, episode, bytes, seconds);
    }

    /** A: one listener's whole-file GETs across day edges; FIXED 3, ROLLING 2, EXTENDING 1. */
    private static List<DownloadRequest> windowEdges() {
        return List.of(
                get("2026-11-20T02:00:00Z", "203.0.113.10", APPLE_PODCASTS, null, HOUR),   // counts in every mode
                get("2026-11-20T22:00:00Z", "203.0.113.10", APPLE_PODCASTS, null, HOUR),   // same day, within 24 h of both
                get("2026-11-21T08:00:00Z", "203.0.113.10", APPLE_PODCASTS, null, HOUR),   // new day; 30 h after the count; 10 h after the last request
                get("2026-11-22T07:00:00Z", "203.0.113.10", APPLE_PODCASTS, null, HOUR));  // new day; 23 h after the second count; 23 h after the last
    }

    /** B: ranges crossing the one-minute line at the third request; 1 in every mode. */
    private static List<DownloadRequest> rangesToOneMinute() {
        return List.of(
                get("2026-11-20T10:00:00Z", "198.51.100.7", OVERCAST, "bytes=0-499999", HOUR),
                get("2026-11-20T10:05:00Z", "198.51.100.7", OVERCAST, "bytes=400000-899999", HOUR),   // overlap: 900,000 distinct
                get("2026-11-20T10:10:00Z", "198.51.100.7", OVERCAST, "bytes=900000-999999", HOUR));  // 1,000,000: counts here
    }

    /** C and D: a HEAD, a probe, a bot, no user agent, an Apple Watch duplicate; 0 in every mode. */
    private static List<DownloadRequest> neverCounted() {
        return List.of(
                request("HEAD", "2026-11-20T11:00:00Z", "192.0.2.1", APPLE_PODCASTS, null, HOUR),
                get("2026-11-20T11:00:01Z", "192.0.2.1", APPLE_PODCASTS, "bytes=0-1", HOUR),
                get("2026-11-20T11:01:00Z", "192.0.2.2", GOOGLEBOT, null, HOUR),
                get("2026-11-20T11:02:00Z", "192.0.2.3", null, null, HOUR),
                get("2026-11-20T11:03:00Z", "192.0.2.4", APPLE_WATCH, null, HOUR));
    }

    /** E: two addresses of one IPv6 /64 are one listener, another /64 another; 2 in every mode. */
    private static List<DownloadRequest> ipv6Households() {
        return List.of(
                get("2026-11-20T12:00:00Z", "2001:db8:1:2::10", OVERCAST, null, HOUR),
                get("2026-11-20T13:00:00Z", "2001:db8:1:2:ffff::1", OVERCAST, null, HOUR),
                get("2026-11-20T13:30:00Z", "2001:db8:1:3::10", OVERCAST, null, HOUR));
    }

    /** F: an episode under a minute needs the whole file; G: play-pause-play is one download; H: unknown length. */
    private static List<DownloadRequest> shortPausedAndUnknown() {
        return List.of(
                get("2026-11-20T14:00:00Z", "203.0.113.20", OVERCAST, "bytes=0-249999", SHORT),
                get("2026-11-20T14:00:30Z", "203.0.113.20", OVERCAST, "bytes=250000-499999", SHORT),   // whole file: counts
                get("2026-11-20T09:00:00Z", "203.0.113.30", APPLE_PODCASTS, "bytes=0-299999", HOUR),
                get("2026-11-20T09:20:00Z", "203.0.113.30", APPLE_PODCASTS, "bytes=300000-599999", HOUR),
                get("2026-11-20T09:45:00Z", "203.0.113.30", APPLE_PODCASTS, "bytes=600000-1199999", HOUR),   // counts
                get("2026-11-20T10:30:00Z", "203.0.113.30", APPLE_PODCASTS, "bytes=1200000-5000000", HOUR),  // same play
                get("2026-11-20T15:00:00Z", "203.0.113.40", OVERCAST, "bytes=0-1", UNKNOWN),
                get("2026-11-20T15:00:01Z", "203.0.113.40", OVERCAST, null, UNKNOWN));                      // counts
    }

    /** I: partial ranges a day apart never add up to a minute; 0 in every mode. */
    private static List<DownloadRequest> rangesTooFarApart() {
        return List.of(
                get("2026-11-20T10:00:00Z", "203.0.113.50", OVERCAST, "bytes=0-599999", HOUR),
                get("2026-11-21T11:00:00Z", "203.0.113.50", OVERCAST, "bytes=600000-999999", HOUR));
    }

    private static List<DownloadRequest> fixture() {
        List<DownloadRequest> all = new ArrayList<>();
        all.addAll(windowEdges());
        all.addAll(rangesToOneMinute());
        all.addAll(neverCounted());
        all.addAll(ipv6Households());
        all.addAll(shortPausedAndUnknown());
        all.addAll(rangesTooFarApart());
        java.util.Collections.shuffle(all, new java.util.Random(42));
        return all;
    }

    private int count(List<DownloadRequest> requests, WindowMode mode) {
        return new IabDownloadCounter(userAgents).count(requests, mode).size();
    }

    @Test
    void theFixtureGivesTheHandComputedCountInEachWindowMode() {
        assertThat(count(fixture(), WindowMode.FIXED_UTC_DAY)).isEqualTo(3 + 1 + 0 + 2 + 3 + 0);
        assertThat(count(fixture(), WindowMode.ROLLING)).isEqualTo(2 + 1 + 0 + 2 + 3 + 0);
        assertThat(count(fixture(), WindowMode.EXTENDING)).isEqualTo(1 + 1 + 0 + 2 + 3 + 0);
    }

    @Test
    void windowEdgesSeparateTheThreeModes() {
        assertThat(count(windowEdges(), WindowMode.FIXED_UTC_DAY)).isEqualTo(3);
        assertThat(count(windowEdges(), WindowMode.ROLLING)).isEqualTo(2);
        assertThat(count(windowEdges(), WindowMode.EXTENDING)).isEqualTo(1);
    }

    @Test
    void aDownloadCountsAtTheRequestThatCompletesTheFirstMinute() {
        List<CountedDownload> counted = new IabDownloadCounter(userAgents).count(rangesToOneMinute(), WindowMode.ROLLING);

        assertThat(counted).singleElement().satisfies(download -> {
            assertThat(download.countedAt()).isEqualTo(Instant.parse("2026-11-20T10:10:00Z"));
            assertThat(download.episodeId()).isEqualTo(HOUR);
        });
    }

    @Test
    void excludedRequestsNeverCount() {
        for (WindowMode mode : WindowMode.values()) {
            assertThat(count(neverCounted(), mode)).as(mode.name()).isZero();
            assertThat(count(rangesTooFarApart(), mode)).as(mode.name()).isZero();
        }
    }

    @Test
    void theUserAgentsOfTheFixtureAreWhatItAssumes() {
        assertThat(userAgents.classify(GOOGLEBOT, null).excludedFromIabDownloads()).isTrue();
        assertThat(userAgents.classify(APPLE_WATCH, null).excludedFromIabDownloads()).isTrue();
        assertThat(userAgents.classify(null, null).excludedFromIabDownloads()).isTrue();
        assertThat(userAgents.classify(APPLE_PODCASTS, null).excludedFromIabDownloads()).isFalse();
        assertThat(userAgents.classify(OVERCAST, null).excludedFromIabDownloads()).isFalse();
    }

    @Test
    void theIpv6HouseholdIsItsSlash64() {
        assertThat(IabDownloadCounter.listenerAddress("2001:db8:1:2::10")).isEqualTo(IabDownloadCounter.listenerAddress("2001:0db8:0001:0002:ffff::1"));
        assertThat(IabDownloadCounter.listenerAddress("2001:db8:1:2::10")).isNotEqualTo(IabDownloadCounter.listenerAddress("2001:db8:1:3::10"));
        assertThat(IabDownloadCounter.listenerAddress("203.0.113.10")).isEqualTo("203.0.113.10");
        assertThat(IabDownloadCounter.listenerAddress("9f86d081884c7d65")).isEqualTo("9f86d081884c7d65");
    }
}
