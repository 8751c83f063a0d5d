package io.podcastplatform.useragents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternSetLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void bundledCopyCarriesItsVersionSourceAndLicence() {
        PatternSet set = PatternSetLoader.loadBundled();
        DataVersion v = set.version();
        assertThat(v.name()).isEqualTo("opawg/user-agents-v2");
        assertThat(v.commit()).isEqualTo("8008a31b");
        assertThat(v.date()).isEqualTo("2026-08-06");
        assertThat(v.source()).isEqualTo("https://github.com/opawg/user-agents-v2");
        assertThat(v.license()).startsWith("MIT");
        assertThat(v.bundled()).isTrue();
        assertThat(v.location()).isEqualTo("classpath:opawg/user-agents-v2/");
        assertThat(v.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(v.describe()).startsWith("opawg/user-agents-v2 @ 8008a31b (2026-08-06), bundled");
        assertThat(v.entryCounts()).containsEntry(PatternFile.BOTS, 295).containsEntry(PatternFile.APPS, 559)
                .containsEntry(PatternFile.LIBRARIES, 58).containsEntry(PatternFile.BROWSERS, 11)
                .containsEntry(PatternFile.DEVICES, 20).containsEntry(PatternFile.REFERRERS, 69);
        assertThat(new String(TestData.bundled("LICENSE"), StandardCharsets.UTF_8))
                .contains("MIT License", "Open Podcast Analytics Working Group");
        assertThat(new String(TestData.bundled("SOURCE.md"), StandardCharsets.UTF_8)).contains("8008a31b");
        assertThat(TestData.bundled("patterns.schema.json")).isNotEmpty();
    }

    /** Independently of the loader: every pattern in every bundled file translates and compiles. */
    @Test
    void everyBundledPatternCompiles() throws Exception {
        int total = 0;
        for (PatternFile file : PatternFile.values()) {
            JsonNode entries = TestData.JSON.readTree(TestData.bundled(file.fileName())).get("entries");
            for (JsonNode e : entries) {
                String pattern = e.get("pattern").asText();
                assertThat(Pattern.compile(JsRegex.toJava(pattern))).as("%s %s", file, pattern).isNotNull();
                total++;
            }
        }
        assertThat(total).isEqualTo(1012);
        PatternSet set = PatternSetLoader.loadBundled();
        int loaded = 0;
        for (PatternFile file : PatternFile.values()) {
            loaded += set.entries(file).size();
        }
        assertThat(loaded).isEqualTo(total);
    }

    @Test
    void entriesKeepFileOrderAndFields() {
        PatternSet set = PatternSetLoader.loadBundled();
        PatternEntry first = set.entries(PatternFile.BOTS).get(0);
        assertThat(first.name()).isEqualTo("7Siters Crawler");
        assertThat(first.index()).isZero();
        PatternEntry okhttp = set.entry(PatternFile.LIBRARIES, "okhttp");
        assertThat(okhttp.category()).isEqualTo("bot");
        PatternEntry pocketCasts = set.entry(PatternFile.APPS, "Pocket Casts");
        assertThat(pocketCasts.svg()).isEqualTo("pocketcasts.svg");
        assertThat(pocketCasts.urls()).contains("https://www.pocketcasts.com/");
        assertThat(pocketCasts.examples()).contains("Pocket Casts");
        assertThat(set.entry(PatternFile.DEVICES, "Apple iPhone").category()).isEqualTo("mobile");
        assertThat(set.entry(PatternFile.APPS, "no such app")).isNull();
    }

    @Test
    void directoryCopyOfTheBundledDataLoadsTheSame() throws Exception {
        Path dir = TestData.copyBundled(tmp.resolve("copy"));
        PatternSet fromDir = PatternSetLoader.loadDirectory(dir);
        PatternSet bundled = PatternSetLoader.loadBundled();
        assertThat(fromDir.version().fingerprint()).isEqualTo(bundled.version().fingerprint());
        assertThat(fromDir.version().commit()).isEqualTo("8008a31b");
        assertThat(fromDir.version().bundled()).isFalse();
        assertThat(fromDir.version().location()).isEqualTo(dir.toAbsolutePath().normalize().toString());
        assertThat(fromDir.version().describe()).contains("from " + dir.toAbsolutePath().normalize());
        assertThat(PatternSetLoader.load(dir.toString()).version().bundled()).isFalse();
        assertThat(PatternSetLoader.load(" ").version().bundled()).isTrue();
        assertThat(PatternSetLoader.load(null).version().bundled()).isTrue();
    }

    @Test
    void upstreamCheckoutLayoutWithoutVersionFile() throws Exception {
        Path checkout = tmp.resolve("checkout");
        TestData.copyBundled(checkout.resolve("src"));
        Files.delete(checkout.resolve("src").resolve("VERSION.properties"));
        PatternSet set = PatternSetLoader.loadDirectory(checkout);
        assertThat(set.version().commit()).isEqualTo("unknown");
        assertThat(set.version().date()).isEqualTo("unknown");
        assertThat(set.version().fingerprint()).isEqualTo(PatternSetLoader.loadBundled().version().fingerprint());
        assertThat(set.entries(PatternFile.APPS)).hasSize(559);
    }

    @Test
    void modifiedCopyChangesTheFingerprintAndVersion() throws Exception {
        Path dir = TestData.copyBundled(tmp.resolve("newer"));
        TestData.editEntries(dir, "bots.json", entries -> entries.add(TestData.entry("Test Bot", "^TestBot/")));
        Files.writeString(dir.resolve("VERSION.properties"), "commit=abc1234\ndate=2027-01-02\n");
        PatternSet set = PatternSetLoader.loadDirectory(dir);
        assertThat(set.version().fingerprint()).isNotEqualTo(PatternSetLoader.loadBundled().version().fingerprint());
        assertThat(set.version().commit()).isEqualTo("abc1234");
        assertThat(set.version().date()).isEqualTo("2027-01-02");
        assertThat(set.version().source()).isEqualTo("unknown");
        assertThat(set.version().entryCounts()).containsEntry(PatternFile.BOTS, 296);
    }

    @Test
    void missingDirectoryIsAClearError() {
        Path nowhere = tmp.resolve("nowhere");
        assertThatThrownBy(() -> PatternSetLoader.loadDirectory(nowhere))
                .isInstanceOf(PatternDataException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void missingFileIsAClearError() throws Exception {
        Path dir = TestData.copyBundled(tmp.resolve("partial"));
        Files.delete(dir.resolve("referrers.json"));
        assertThatThrownBy(() -> PatternSetLoader.loadDirectory(dir))
                .isInstanceOf(PatternDataException.class)
                .hasMessageContaining(dir.resolve("referrers.json").toString())
                .hasMessageContaining("file missing")
                .satisfies(e -> assertThat(((PatternDataException) e).file())
                        .isEqualTo(dir.resolve("referrers.json").toString()));
    }

    @Test
    void invalidJsonIsAClearError() throws Exception {
        Path dir = TestData.copyBundled(tmp.resolve("badjson"));
        String bots = Files.readString(dir.resolve("bots.json"));
        Files.writeString(dir.resolve("bots.json"), bots.substring(0, bots.length() / 2));
        assertThatThrownBy(() -> PatternSetLoader.loadDirectory(dir))
                .isInstanceOf(PatternDataException.class)
                .hasMessageContaining("bots.json")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line");
    }

    @Test
    void patternThatDoesNotCompileNamesFileEntryAndPattern() throws Exception {
        Path dir = TestData.copyBundled(tmp.resolve("badregex"));
        TestData.editEntries(dir, "apps.json", entries -> entries.insert(3, TestData.entry("Broken App", "^Broken(/")));
        assertThatThrownBy(() -> PatternSetLoader.loadDirectory(dir))
                .isInstanceOf(PatternDataException.class)
                .hasMessageContaining(dir.resolve("apps.json").toString())
                .hasMessageContaining("entries[3]")
                .hasMessageContaining("\"Broken App\"")
                .hasMessageContaining("^Broken(/")
                .hasMessageContaining("does not compile")
                .satisfies(e -> {
                    PatternDataException p = (PatternDataException) e;
                    assertThat(p.entryName()).isEqualTo("Broken App");
                    assertThat(p.pattern()).isEqualTo("^Broken(/");
                    assertThat(p.file()).endsWith("apps.json");
                    assertThat(p.getCause()).isInstanceOf(java.util.regex.PatternSyntaxException.class);
                });
    }

    @Test
    void entryWithoutPatternIsAClearError() throws Exception {
        Path dir = TestData.copyBundled(tmp.resolve("nopattern"));
        TestData.editEntries(dir, "libraries.json", entries -> ((ObjectNode) entries.get(0)).remove("pattern"));
        assertThatThrownBy(() -> PatternSetLoader.loadDirectory(dir))
                .isInstanceOf(PatternDataException.class)
                .hasMessageContaining("libraries.json")
                .hasMessageContaining("entries[0] (\"AIOHTTP\")")
                .hasMessageContaining("\"pattern\" missing");
    }

    @Test
    void repeatedNameIsAClearError() throws Exception {
        Path dir = TestData.copyBundled(tmp.resolve("dup"));
        TestData.editEntries(dir, "browsers.json", entries -> entries.add(TestData.entry("Chrome", "^Chrome2/")));
        assertThatThrownBy(() -> PatternSetLoader.loadDirectory(dir))
                .isInstanceOf(PatternDataException.class)
                .hasMessageContaining("browsers.json")
                .hasMessageContaining("\"Chrome\"")
                .hasMessageContaining("repeated");
    }

    @Test
    void wrongFieldTypesAndShapeAreClearErrors() throws Exception {
        Path dir = TestData.copyBundled(tmp.resolve("types"));
        TestData.editEntries(dir, "devices.json", entries -> ((ObjectNode) entries.get(1)).put("examples", "iPad"));
        assertThatThrownBy(() -> PatternSetLoader.loadDirectory(dir))
                .isInstanceOf(PatternDataException.class)
                .hasMessageContaining("devices.json")
                .hasMessageContaining("\"Apple iPad\"")
                .hasMessageContaining("\"examples\" must be an array of strings");

        Path dir2 = TestData.copyBundled(tmp.resolve("shape"));
        Files.writeString(dir2.resolve("referrers.json"), "{\"comments\": []}");
        assertThatThrownBy(() -> PatternSetLoader.loadDirectory(dir2))
                .isInstanceOf(PatternDataException.class)
                .hasMessageContaining("referrers.json")
                .hasMessageContaining("\"entries\" array");
    }
}
