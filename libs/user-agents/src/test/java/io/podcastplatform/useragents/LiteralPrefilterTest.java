package io.podcastplatform.useragents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiteralPrefilterTest {

    @Test
    void derivesAnchoredAndUnanchoredLiterals() {
        assertThat(LiteralPrefilter.of("^Abandon/").describe()).containsExactly("^Abandon/");
        assertThat(LiteralPrefilter.of("AhrefsBot/").describe()).containsExactly("AhrefsBot/");
        assertThat(LiteralPrefilter.of("^atc/|\\(null\\) watchOS/").describe())
                .containsExactly("^atc/", "(null) watchOS/");
        assertThat(LiteralPrefilter.of("^Adori(-Dev)?/").describe()).containsExactly("^Adori");
        assertThat(LiteralPrefilter.of("(iTMS|itunesstored|itms)").describe())
                .containsExactly("iTMS", "itunesstored", "itms");
        assertThat(LiteralPrefilter.of("^'?Mozilla(/5\\.0)?$").describe()).containsExactly("Mozilla");
        assertThat(LiteralPrefilter.of("^Podcast’ler/").describe()).containsExactly("^Podcast’ler/");
        assertThat(LiteralPrefilter.of("Edge?/").describe()).containsExactly("Edg");
        assertThat(LiteralPrefilter.of("ab+c").describe()).containsExactly("ab");
    }

    @Test
    void noFilterWhenAnAlternativeHasNoLiteral() {
        assertThat(LiteralPrefilter.of("^(radio\\.[a-z]{2,3}|GetPodcast)[ /]\\d")).isNull();
        assertThat(LiteralPrefilter.of("a|")).isNull();
        assertThat(LiteralPrefilter.of(".+")).isNull();
        assertThat(LiteralPrefilter.of("\\d+")).isNull();
    }

    @Test
    void neverRejectsAnExampleItsPatternMatches() {
        PatternSet set = PatternSetLoader.loadBundled();
        Set<String> inputs = new LinkedHashSet<>();
        List<PatternEntry> all = new ArrayList<>();
        for (PatternFile f : PatternFile.values()) {
            for (PatternEntry e : set.entries(f)) {
                all.add(e);
                inputs.addAll(e.examples());
            }
        }
        int checked = 0;
        int filtered = 0;
        for (PatternEntry e : all) {
            LiteralPrefilter p = LiteralPrefilter.of(e.pattern());
            if (p == null) {
                continue;
            }
            filtered++;
            for (String s : inputs) {
                if (e.matches(s)) {
                    checked++;
                    assertThat(p.mayMatch(s)).as("%s %s on %s", e.file(), e.pattern(), s).isTrue();
                }
            }
        }
        assertThat(filtered).as("patterns with a prefilter").isGreaterThan(all.size() * 9 / 10);
        assertThat(checked).isGreaterThan(1500);
    }
}
