package io.podcastplatform.useragents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JavaScript-to-Java rewrites, each against what {@code new RegExp(p).test(s)} gives in JavaScript. */
class JsRegexTest {

    private static boolean test(String jsPattern, String input) {
        return Pattern.compile(JsRegex.toJava(jsPattern)).matcher(input).find();
    }

    @Test
    void plainPatternsAreCopiedUnchanged() {
        assertThat(JsRegex.toJava("^Abandon/")).isEqualTo("^Abandon/");
        assertThat(JsRegex.toJava("^AHC/\\d+\\.\\d+")).isEqualTo("^AHC/\\d+\\.\\d+");
        assertThat(JsRegex.toJava("(iPhone|iPad)(?!x)\\(FBAN\\/")).isEqualTo("(iPhone|iPad)(?!x)\\(FBAN\\/");
        assertThat(JsRegex.toJava("[a|A]ndroid.*[t|T]ablet")).startsWith("[a|A]ndroid");
    }

    @Test
    void dollarIsTheEndOfInputOnly() {
        // JavaScript: /^Zapier$/.test("Zapier\n") === false; java.util.regex's $ would accept it.
        assertThat(Pattern.compile("^Zapier$").matcher("Zapier\n").find()).isTrue();
        assertThat(test("^Zapier$", "Zapier\n")).isFalse();
        assertThat(test("^Zapier$", "Zapier")).isTrue();
    }

    @Test
    void dotExcludesOnlyJavaScriptLineTerminators() {
        assertThat(test("^a.b$", "a\u0085b")).isTrue(); // Java's . would not match NEL
        assertThat(test("^a.b$", "a\nb")).isFalse();
        assertThat(test("^a.b$", "a\u2028b")).isFalse();
        assertThat(test("^a.b$", "a b")).isTrue();
    }

    @Test
    void whitespaceClassesIncludeUnicodeSpaces() {
        assertThat(test("a\\sb", "a\u00A0b")).isTrue();
        assertThat(test("a\\sb", "a\u3000b")).isTrue();
        assertThat(test("a\\sb", "a\u0085b")).isFalse(); // not whitespace in JavaScript
        assertThat(test("a\\Sb", "a\u00A0b")).isFalse();
        assertThat(test("a[\\s,]b", "a\uFEFFb")).isTrue();
        assertThat(test("a[\\S]b", "axb")).isTrue();
        assertThat(test("a[\\S]b", "a\u2003b")).isFalse();
        assertThat(test("a[^\\S]b", "a\u2003b")).isTrue();
    }

    @Test
    void wordBoundaryIsAscii() {
        assertThat(test("\\bcast\\b", "a cast b")).isTrue();
        assertThat(test("\\bcast\\b", "podcast")).isFalse();
        assertThat(test("\\Bcast", "podcast")).isTrue();
        assertThat(test("é\\bx", "éx")).isTrue(); // é is not a word character in JavaScript
    }

    @Test
    void characterClassLiteralsJavaWouldMisread() {
        assertThat(test("^[[]x", "[x")).isTrue(); // Java: nested class, fails to compile
        assertThat(test("^[a&&b]$", "&")).isTrue(); // Java: intersection (empty)
        assertThat(test("^[\\b]$", "\b")).isTrue(); // backspace in a class
        assertThat(test("^[\\d-z]$", "-")).isTrue(); // Annex B: literal hyphen
        assertThat(test("^[\\d-z]$", "5")).isTrue();
        assertThat(test("^[\\d-z]$", "q")).isFalse();
    }

    @Test
    void emptyAndAnyClasses() {
        assertThat(test("a[]", "a")).isFalse();
        assertThat(test("^a[^]b$", "a\nb")).isTrue();
    }

    @Test
    void annexBLeniencies() {
        assertThat(test("^a{b", "a{b")).isTrue();
        assertThat(test("^a{2}$", "aa")).isTrue();
        assertThat(test("^a{1,}$", "aaa")).isTrue();
        assertThat(test("^a{,2}$", "a{,2}")).isTrue(); // not a quantifier in JavaScript
        assertThat(test("^a}]$", "a}]")).isTrue();
        assertThat(test("^\\v$", "\u000B")).isTrue();
        assertThat(test("^\\0$", "\u0000")).isTrue();
        assertThat(test("^\\ca$", "\u0001")).isTrue(); // Java's \ca is '!'
        assertThat(test("^\\e\\h\\p$", "ehp")).isTrue(); // identity escapes
        assertThat(test("^\\x4G$", "x4G")).isTrue();
        assertThat(test("^\\x41\\u0042$", "AB")).isTrue();
        assertThat(test("^https\\://x\\/", "https://x/")).isTrue();
        assertThat(test("^[\\101]$", "A")).isTrue(); // octal escape in a class
    }

    @Test
    void groupsAndReferencesKeepTheirMeaning() {
        assertThat(test("^(?<v>ab)\\k<v>$", "abab")).isTrue();
        assertThat(test("^(a)\\1$", "aa")).isTrue();
        assertThat(test("(?<=x)y", "xy")).isTrue();
        assertThat(test("(?<!x)y", "xy")).isFalse();
    }
}
