package io.podcastplatform.useragents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code examples} string of every bundled file classifies as its own entry, except where an
 * earlier entry in match order legitimately wins (listed in {@link #EXPECTED_MISMATCHES}).
 */
class BundledExamplesTest {

    private static final UserAgentClassifier CLASSIFIER = UserAgentClassifier.bundled();
    private static final String BROWSER_UA =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    /**
     * The only example in the bundled copy (8008a31b) that does not come out as its own entry:
     * devices.json lists "Apple iPhone" (pattern {@code iphone|iOS|iPhone|CFNetwork|...}) before
     * "Apple Watch", and this Apple Watch example carries {@code CFNetwork}, so first-match-wins gives
     * "Apple iPhone". The same User-Agent is the Overcast watch app in apps.json, which does match.
     * Same result with JavaScript's RegExp over the upstream files.
     */
    static final Map<String, String> EXPECTED_MISMATCHES = Map.of(
            "devices.json|Apple Watch|Watch/1140 CFNetwork/3860.200.71 Darwin/25.1.0", "Apple iPhone");

    @Test
    void checkExamplesReportsExactlyTheKnownMismatches() {
        List<ExampleMismatch> mismatches = CLASSIFIER.checkExamples();
        assertThat(mismatches).hasSize(EXPECTED_MISMATCHES.size());
        for (ExampleMismatch m : mismatches) {
            String key = m.file().fileName() + "|" + m.entryName() + "|" + m.example();
            assertThat(EXPECTED_MISMATCHES).as(m.toString()).containsEntry(key, m.matchedName());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleClassifiesAsItsEntry() {
        List<DynamicTest> tests = new ArrayList<>();
        PatternSet set = CLASSIFIER.patternSet();
        for (PatternFile file : PatternFile.values()) {
            for (PatternEntry entry : set.entries(file)) {
                for (String example : entry.examples()) {
                    String key = file.fileName() + "|" + entry.name() + "|" + example;
                    String expected = EXPECTED_MISMATCHES.getOrDefault(key, entry.name());
                    tests.add(dynamicTest(file.fileName() + " | " + entry.name() + " | " + example,
                            () -> check(file, entry, example, expected)));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(1600);
        return tests.stream();
    }

    private static void check(PatternFile file, PatternEntry entry, String example, String expected) {
        switch (file) {
            case BOTS, APPS, LIBRARIES, BROWSERS -> {
                Classification c = CLASSIFIER.classify(example);
                assertThat(c.name()).isEqualTo(expected);
                assertThat(c.kind()).isEqualTo(switch (file) {
                    case BOTS -> UserAgentKind.BOT;
                    case APPS -> UserAgentKind.APP;
                    case LIBRARIES -> UserAgentKind.LIBRARY;
                    default -> UserAgentKind.BROWSER;
                });
                boolean bot = file == PatternFile.BOTS || "bot".equals(entry.category());
                assertThat(c.iabBot()).as("IAB bot").isEqualTo(bot);
                assertThat(c.excludedFromIabDownloads()).isEqualTo(bot || c.appleWatchDuplicate());
                if (file == PatternFile.APPS) {
                    assertThat(c.appName()).isEqualTo(entry.name());
                }
                if (file == PatternFile.BOTS) {
                    assertThat(c.deviceName()).isNull();
                }
            }
            case DEVICES -> {
                assertThat(CLASSIFIER.deviceFor(example).name()).isEqualTo(expected);
                Classification c = CLASSIFIER.classify(example);
                if (c.kind() != UserAgentKind.BOT) {
                    assertThat(c.deviceName()).isEqualTo(expected);
                    assertThat(c.deviceCategory())
                            .isEqualTo(CLASSIFIER.patternSet().entry(PatternFile.DEVICES, expected).category());
                }
            }
            case REFERRERS -> {
                Classification c = CLASSIFIER.classify(BROWSER_UA, example);
                assertThat(c.kind()).isEqualTo(UserAgentKind.BROWSER);
                assertThat(c.referrerName()).isEqualTo(expected);
                assertThat(c.referrerCategory()).isEqualTo(entry.category());
            }
        }
    }
}
