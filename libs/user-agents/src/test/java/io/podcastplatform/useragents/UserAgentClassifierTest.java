package io.podcastplatform.useragents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAgentClassifierTest {

    private static final UserAgentClassifier CLASSIFIER = UserAgentClassifier.bundled();
    private static final String CHROME =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    @TempDir
    Path tmp;

    @Test
    void appleCoreMediaOnAnIphoneIsTheLibraryNotABot() {
        // OPAWG: AppleCoreMedia is used by several apps for progressive downloads; it "should not be
        // treated as an Apple Podcasts useragent". It is a non-bot library that counts.
        Classification c = CLASSIFIER.classify("AppleCoreMedia/1.0.0.20G75 (iPhone; U; CPU OS 16_6 like Mac OS X; en_us)");
        assertThat(c.kind()).isEqualTo(UserAgentKind.LIBRARY);
        assertThat(c.name()).isEqualTo("AppleCoreMedia");
        assertThat(c.iabBot()).isFalse();
        assertThat(c.appName()).isNull();
        assertThat(c.deviceName()).isEqualTo("Apple iPhone");
        assertThat(c.deviceCategory()).isEqualTo("mobile");
    }

    @Test
    void wellKnownApps() {
        assertApp("Podcasts/1650.20 CFNetwork/1404.0.5 Darwin/22.3.0", "Apple Podcasts", "Apple iPhone");
        assertApp("Spotify/8.8.56 iOS/17.1.1 (iPhone15,3)", "Spotify", "Apple iPhone");
        assertApp("Spotify/8.6.98 Android/33 (SM-G991B)", "Spotify", "Android Phone");
        assertApp("Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "Overcast", "Apple iPhone");
        assertApp("Pocket%20Casts/7.96.0.4 CFNetwork/3826.600.41 Darwin/24.6.0", "Pocket Casts", "Apple iPhone");
        assertApp("Pocket Casts", "Pocket Casts", "Other Mobile Device");
        assertApp("AntennaPod/3.2.0", "AntennaPod", "Android Phone");
    }

    private static void assertApp(String ua, String app, String device) {
        Classification c = CLASSIFIER.classify(ua);
        assertThat(c.kind()).as(ua).isEqualTo(UserAgentKind.APP);
        assertThat(c.name()).as(ua).isEqualTo(app);
        assertThat(c.appName()).as(ua).isEqualTo(app);
        assertThat(c.iabBot()).as(ua).isFalse();
        assertThat(c.deviceName()).as(ua).isEqualTo(device);
    }

    @Test
    void browsers() {
        Classification chrome = CLASSIFIER.classify(CHROME);
        assertThat(chrome.kind()).isEqualTo(UserAgentKind.BROWSER);
        assertThat(chrome.name()).isEqualTo("Chrome");
        assertThat(chrome.iabBot()).isFalse();
        assertThat(chrome.deviceName()).isEqualTo("Windows Computer");
        assertThat(chrome.deviceCategory()).isEqualTo("computer");
        Classification safari = CLASSIFIER.classify("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15");
        assertThat(safari.name()).isEqualTo("Safari");
        assertThat(safari.deviceName()).isEqualTo("Apple Computer");
    }

    @Test
    void botsAndBotLibrariesAreIabBots() {
        Classification curl = CLASSIFIER.classify("curl/8.4.0");
        assertThat(curl.kind()).isEqualTo(UserAgentKind.BOT);
        assertThat(curl.iabBot()).isTrue();
        assertThat(curl.deviceName()).isNull();
        Classification feedParser = CLASSIFIER.classify("Overcast/1.0 Podcast Sync (123 subscribers; feed-id=456; +http://overcast.fm/)");
        assertThat(feedParser.kind()).isEqualTo(UserAgentKind.BOT); // bots.json comes before apps.json
        assertThat(feedParser.name()).isEqualTo("Overcast feed parser");
        Classification okhttp = CLASSIFIER.classify("okhttp/4.9.3");
        assertThat(okhttp.kind()).isEqualTo(UserAgentKind.LIBRARY);
        assertThat(okhttp.category()).isEqualTo("bot");
        assertThat(okhttp.iabBot()).isTrue();
        assertThat(okhttp.excludedFromIabDownloads()).isTrue();
        Classification goClient = CLASSIFIER.classify("Go-http-client/1.1");
        assertThat(goClient.iabBot()).isTrue();
        Classification exo = CLASSIFIER.classify("Mozilla/5.0 (Linux; Android 13) ExoPlayerLib/2.18.7");
        assertThat(exo.kind()).isEqualTo(UserAgentKind.LIBRARY);
        assertThat(exo.name()).isEqualTo("ExoPlayer (Android)");
        assertThat(exo.iabBot()).isFalse();
    }

    @Test
    void missingOrBlankUserAgentIsMissingAndABot() {
        for (String ua : new String[] {null, "", "   ", "\t"}) {
            Classification c = CLASSIFIER.classify(ua, "https://podcasts.apple.com/");
            assertThat(c.kind()).isEqualTo(UserAgentKind.MISSING);
            assertThat(c.iabBot()).isTrue();
            assertThat(c.excludedFromIabDownloads()).isTrue();
            assertThat(c.name()).isNull();
            assertThat(c.deviceName()).isNull();
            assertThat(c.referrerName()).isNull();
            assertThat(c.appleWatchDuplicate()).isFalse();
        }
    }

    @Test
    void unlistedUserAgentIsUnknownAndCounts() {
        Classification c = CLASSIFIER.classify("SomeUnlistedPlayer/1.0 (Linux; Android 13; Pixel 7)");
        assertThat(c.kind()).isEqualTo(UserAgentKind.UNKNOWN);
        assertThat(c.name()).isNull();
        assertThat(c.iabBot()).isFalse();
        assertThat(c.excludedFromIabDownloads()).isFalse();
        assertThat(c.deviceName()).isEqualTo("Android Phone");
    }

    @Test
    void appleWatchDuplicates() {
        assertWatch("atc/1.0 watchOS/10.1 model/Watch6,2 hwp/t8301 build/21S71 (6; dt:264) AMS/1", true);
        assertWatch("atc/1.0 watchOS/6.2 model/Watch3,3 hwp/t8004 build/17T529 (6; dt:155)", true);
        assertWatch("(null)/(null) watchOS/7.0 model/Watch5,4 hwp/t8006 build/18R382 (6; dt:203)", true);
        assertWatch("Podcasts/1.0 (null)/(null) watchOS/7.0", true);
        assertWatch("atc/1.0", false); // no watchOS
        assertWatch("Podcasts/1.0 atc/1.0 watchOS/7.0", false); // does not begin with atc/
        assertWatch("AppleCoreMedia/1.0.0.19R570 (Apple Watch; U; CPU OS 8_0 like Mac OS X; en_us)", false);
        assertWatch("(null) watchOS/7.0", false);
        assertWatch("Overcast (+http://overcast.fm/; Apple Watch podcast app)", false);
        assertWatch(CHROME, false);
        assertThat(UserAgentClassifier.isAppleWatchDuplicate(null)).isFalse();

        // The atc/ form is also a bot in bots.json ("Apple Podcasts (Watch)").
        Classification atc = CLASSIFIER.classify("atc/1.0 watchOS/10.1 model/Watch6,2 hwp/t8301 build/21S71 (6; dt:264)");
        assertThat(atc.kind()).isEqualTo(UserAgentKind.BOT);
        assertThat(atc.name()).isEqualTo("Apple Podcasts (Watch)");
        // The flag does not depend on the lists: this one matches no bot pattern but is still excluded.
        Classification other = CLASSIFIER.classify("SomePlayer/2.0 (null)/(null) watchOS");
        assertThat(other.iabBot()).isFalse();
        assertThat(other.appleWatchDuplicate()).isTrue();
        assertThat(other.excludedFromIabDownloads()).isTrue();
    }

    private static void assertWatch(String ua, boolean expected) {
        assertThat(UserAgentClassifier.isAppleWatchDuplicate(ua)).as(ua).isEqualTo(expected);
        assertThat(CLASSIFIER.classify(ua).appleWatchDuplicate()).as(ua).isEqualTo(expected);
    }

    @Test
    void referrerNamesTheWebPlayerOfABrowserRequest() {
        Classification apple = CLASSIFIER.classify(CHROME, "https://podcasts.apple.com/us/podcast/show/id123");
        assertThat(apple.kind()).isEqualTo(UserAgentKind.BROWSER);
        assertThat(apple.name()).isEqualTo("Chrome");
        assertThat(apple.referrerName()).isEqualTo("Apple Podcasts");
        assertThat(apple.referrerCategory()).isEqualTo("app");
        assertThat(apple.appName()).isEqualTo("Apple Podcasts");

        Classification host = CLASSIFIER.classify(CHROME, "https://www.buzzsprout.com/12345/");
        assertThat(host.referrerName()).isEqualTo("Buzzsprout Web Player");
        assertThat(host.referrerCategory()).isEqualTo("host");
        assertThat(host.appName()).isEqualTo("Buzzsprout Web Player");

        Classification tracker = CLASSIFIER.classify(CHROME, "https://link.chtbl.com/abc");
        assertThat(tracker.referrerName()).isEqualTo("Chartable");
        assertThat(tracker.referrerCategory()).isNull();
        assertThat(tracker.appName()).isNull();

        assertThat(CLASSIFIER.classify(CHROME, "https://example.com/").referrerName()).isNull();
        assertThat(CLASSIFIER.classify(CHROME, " ").referrerName()).isNull();
        // Only a browser's Referer is looked up (as the data's comments say).
        Classification app = CLASSIFIER.classify("Podcasts/1650.20 CFNetwork/1404.0.5 Darwin/22.3.0",
                "https://open.spotify.com/episode/x");
        assertThat(app.referrerName()).isNull();
        assertThat(app.appName()).isEqualTo("Apple Podcasts");
    }

    @Test
    void replacingTheDataInADirectoryChangesTheResultWithoutCodeChange() throws Exception {
        String overcast = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";
        String newApp = "ShinyNewPodApp/1.0 CFNetwork/1404.0.5 Darwin/22.3.0";
        assertThat(CLASSIFIER.classify(overcast).name()).isEqualTo("Overcast");
        assertThat(CLASSIFIER.classify(newApp).kind()).isEqualTo(UserAgentKind.UNKNOWN);

        Path dir = TestData.copyBundled(tmp.resolve("newer"));
        TestData.editEntries(dir, "apps.json", entries -> {
            entries.remove(TestData.indexOf(entries, "Overcast"));
            entries.insert(0, TestData.entry("Shiny New Pod App", "^ShinyNewPodApp/"));
        });
        TestData.editEntries(dir, "bots.json", entries -> entries.add(TestData.entry("Spotify impostor", "^Spotify/8\\.6\\.")));
        UserAgentClassifier replaced = new UserAgentClassifier(PatternSetLoader.loadDirectory(dir));

        assertThat(replaced.classify(newApp).kind()).isEqualTo(UserAgentKind.APP);
        assertThat(replaced.classify(newApp).name()).isEqualTo("Shiny New Pod App");
        assertThat(replaced.classify(overcast).kind()).isEqualTo(UserAgentKind.UNKNOWN);
        assertThat(replaced.classify("Spotify/8.6.98 Android/33 (SM-G991B)").iabBot()).isTrue();
        assertThat(CLASSIFIER.classify("Spotify/8.6.98 Android/33 (SM-G991B)").iabBot()).isFalse();
        assertThat(replaced.dataVersion().fingerprint()).isNotEqualTo(CLASSIFIER.dataVersion().fingerprint());
    }

    @Test
    void overlongUserAgentIsMatchedOnItsPrefixAndNotCached() {
        UserAgentClassifier c = new UserAgentClassifier(PatternSetLoader.loadBundled(), 100, 1024);
        String ua = "Podcasts/1650.20 CFNetwork/1404.0.5 Darwin/22.3.0 " + "x".repeat(10_000);
        assertThat(c.classify(ua).name()).isEqualTo("Apple Podcasts");
        assertThat(c.cacheStats().size()).isZero();
        assertThatThrownBy(() -> new UserAgentClassifier(PatternSetLoader.loadBundled(), 10, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserAgentClassifier(PatternSetLoader.loadBundled(), -1, 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** User-Agents and Referers for the cache tests: every example, some variants, some with Referers. */
    private static List<String[]> requests() {
        List<String[]> out = new ArrayList<>();
        PatternSet set = CLASSIFIER.patternSet();
        List<String> referrers = new ArrayList<>();
        for (PatternEntry e : set.entries(PatternFile.REFERRERS)) {
            referrers.addAll(e.examples());
        }
        int i = 0;
        for (PatternFile f : PatternFile.values()) {
            if (f == PatternFile.REFERRERS) {
                continue;
            }
            for (PatternEntry e : set.entries(f)) {
                for (String ua : e.examples()) {
                    out.add(new String[] {ua, null});
                    out.add(new String[] {ua, referrers.get(i++ % referrers.size())});
                }
            }
        }
        out.add(new String[] {CHROME, "https://podcasts.apple.com/"});
        out.add(new String[] {null, null});
        out.add(new String[] {"", null});
        return out;
    }

    @Test
    void cachedResultsEqualUncachedResults() {
        PatternSet set = PatternSetLoader.loadBundled();
        UserAgentClassifier uncached = new UserAgentClassifier(set, 0, 1024);
        UserAgentClassifier small = new UserAgentClassifier(set, 64, 1024); // forces evictions
        UserAgentClassifier large = new UserAgentClassifier(set);
        List<String[]> requests = requests();
        for (int pass = 0; pass < 3; pass++) {
            for (String[] r : requests) {
                Classification expected = uncached.classify(r[0], r[1]);
                assertThat(small.classify(r[0], r[1])).isEqualTo(expected);
                assertThat(large.classify(r[0], r[1])).isEqualTo(expected);
            }
        }
        assertThat(small.cacheStats().capacity()).isEqualTo(64);
        assertThat(small.cacheStats().size()).isLessThanOrEqualTo(64);
        assertThat(large.cacheStats().hits()).isGreaterThan(large.cacheStats().misses());
        assertThat(uncached.cacheStats()).isEqualTo(new UserAgentClassifier.CacheStats(0, 0, 0, 0));
    }

    @Test
    void concurrentUseGivesTheSameResults() throws Exception {
        PatternSet set = PatternSetLoader.loadBundled();
        UserAgentClassifier uncached = new UserAgentClassifier(set, 0, 1024);
        UserAgentClassifier shared = new UserAgentClassifier(set, 256, 1024);
        List<String[]> requests = requests();
        List<Classification> expected = new ArrayList<>();
        for (String[] r : requests) {
            expected.add(uncached.classify(r[0], r[1]));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < requests.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    int checked = 0;
                    for (int round = 0; round < 2; round++) {
                        for (int i : order) {
                            String[] r = requests.get(i);
                            assertThat(shared.classify(r[0], r[1])).isEqualTo(expected.get(i));
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : futures) {
                assertThat(f.get()).isEqualTo(requests.size() * 2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.cacheStats().size()).isLessThanOrEqualTo(256);
    }
}
