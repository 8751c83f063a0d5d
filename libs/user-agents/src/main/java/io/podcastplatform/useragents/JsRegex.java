package io.podcastplatform.useragents;

/**
 * Translates an OPAWG pattern, written as an ECMAScript (JavaScript) regular expression without
 * flags, into a {@link java.util.regex.Pattern} source with the same meaning.
 *
 * <p>The OPAWG lists are matched with {@code new RegExp(pattern).test(header)} by their reference
 * users. Most of the syntax means the same in Java, but a few constructs differ, and this class
 * rewrites exactly those:
 * <ul>
 *   <li>{@code $} is the end of input in JavaScript; in Java it also matches before a final line
 *       terminator: written {@code \z}.</li>
 *   <li>{@code .} excludes only LF, CR, U+2028 and U+2029 in JavaScript (Java also excludes
 *       U+0085): written as that explicit class.</li>
 *   <li>{@code \s}/{@code \S} include the Unicode spaces in JavaScript (ASCII only in Java):
 *       written as JavaScript's explicit set. {@code \b}/{@code \B} use JavaScript's ASCII word
 *       characters.</li>
 *   <li>Inside a character class JavaScript takes {@code [} and {@code &&} literally and
 *       {@code \b} as backspace; Java would read a nested class, an intersection, or fail.</li>
 *   <li>{@code [^]} (any character) and {@code []} (nothing), which Java rejects.</li>
 *   <li>Annex B leniencies Java rejects or reads differently: a {@code {} that does not start a
 *       quantifier, a lone {@code ]} or {@code }}, {@code \v}, {@code \0}, {@code \cx} with a
 *       lower-case letter, an incomplete {@code \x}/<code>&#92;u</code>, and identity escapes of letters
 *       ({@code \e}, {@code \h}, {@code \p} ... mean the letter itself).</li>
 * </ul>
 * Everything else (groups, look-arounds, named groups, back-references, quantifiers, {@code \d},
 * {@code \w}, {@code \t}, {@code \xhh}, <code>&#92;uhhhh</code>, escaped punctuation) is copied unchanged.
 * The bundled data uses none of the rewritten constructs except {@code $}, {@code .} and
 * {@code \s}; the rest is there so that a newer copy dropped in by an operator keeps JavaScript's
 * meaning.
 */
public final class JsRegex {

    /** ECMAScript WhiteSpace and LineTerminator code points, as the inside of a Java class. */
    static final String JS_SPACE = "\\t\\n\\x0B\\f\\r\\x20\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    /** The complement of {@link #JS_SPACE} as ranges, for {@code \S} inside a class (no nesting). */
    static final String JS_NOT_SPACE = "\\x{0}-\\x{8}\\x{e}-\\x{1f}\\x{21}-\\x{9f}\\x{a1}-\\x{167f}\\x{1681}-\\x{1fff}"
            + "\\x{200b}-\\x{2027}\\x{202a}-\\x{202e}\\x{2030}-\\x{205e}\\x{2060}-\\x{2fff}\\x{3001}-\\x{fefe}"
            + "\\x{ff00}-\\x{10ffff}";
    static final String JS_DOT = "[^\\n\\r\\u2028\\u2029]";
    private static final String WORD = "[A-Za-z0-9_]";
    static final String JS_WORD_BOUNDARY =
            "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
    static final String JS_NOT_WORD_BOUNDARY =
            "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

    private JsRegex() {
    }

    /**
     * Returns a Java regular expression with the meaning {@code new RegExp(source)} has in
     * JavaScript. The result still has to be compiled; a source that is invalid in JavaScript may
     * give one that does not compile.
     */
    public static String toJava(String source) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            switch (c) {
                case '\\' -> i = escape(source, i, out, false);
                case '[' -> i = characterClass(source, i, out);
                case '.' -> {
                    out.append(JS_DOT);
                    i++;
                }
                case '$' -> {
                    out.append("\\z");
                    i++;
                }
                case '{' -> {
                    int end = quantifierEnd(source, i);
                    if (end < 0) {
                        out.append("\\{");
                        i++;
                    } else {
                        out.append(source, i, end);
                        i = end;
                    }
                }
                case '}', ']' -> {
                    out.append('\\').append(c);
                    i++;
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        return out.toString();
    }

    /** End (exclusive) of a {n}, {n,} or {n,m} quantifier starting at {@code i}, or -1. */
    private static int quantifierEnd(String s, int i) {
        int j = i + 1;
        int n = s.length();
        int digits = 0;
        while (j < n && isDigit(s.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0 || j >= n) {
            return -1;
        }
        if (s.charAt(j) == ',') {
            j++;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
        }
        return j < n && s.charAt(j) == '}' ? j + 1 : -1;
    }

    private static int characterClass(String s, int start, StringBuilder out) {
        int n = s.length();
        int i = start + 1;
        boolean negated = i < n && s.charAt(i) == '^';
        if (negated) {
            i++;
        }
        if (i < n && s.charAt(i) == ']') {
            // JavaScript: [] matches nothing, [^] matches any character.
            out.append(negated ? "[\\x{0}-\\x{10FFFF}]" : "(?!)");
            return i + 1;
        }
        out.append(negated ? "[^" : "[");
        boolean previousWasClassEscape = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ']') {
                out.append(']');
                return i + 1;
            }
            if (c == '\\') {
                previousWasClassEscape = nextIsClassEscape(s, i);
                i = escape(s, i, out, true);
                continue;
            }
            if (c == '-' && (previousWasClassEscape || nextIsClassEscape(s, i + 1))) {
                // JavaScript (Annex B) reads "-" next to \d, \w or \s as a literal hyphen.
                out.append("\\-");
            } else if (c == '[' || c == '&') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
            previousWasClassEscape = false;
            i++;
        }
        // Unterminated class: invalid in JavaScript too; leave it for Pattern.compile to report.
        return i;
    }

    private static boolean nextIsClassEscape(String s, int i) {
        return i + 1 < s.length() && s.charAt(i) == '\\' && "dDwWsS".indexOf(s.charAt(i + 1)) >= 0;
    }

    /** Translates the escape starting at {@code s.charAt(i) == '\\'}; returns the index after it. */
    private static int escape(String s, int i, StringBuilder out, boolean inClass) {
        int n = s.length();
        if (i + 1 >= n) {
            out.append("\\\\"); // a trailing backslash: invalid in JavaScript; keep it invalid-ish but literal
            return i + 1;
        }
        char c = s.charAt(i + 1);
        switch (c) {
            case 'd', 'D', 'w', 'W', 't', 'n', 'r', 'f' -> out.append('\\').append(c);
            case 's' -> out.append(inClass ? JS_SPACE : "[" + JS_SPACE + "]");
            case 'S' -> out.append(inClass ? JS_NOT_SPACE : "[^" + JS_SPACE + "]");
            case 'b' -> out.append(inClass ? "\\x08" : JS_WORD_BOUNDARY);
            case 'B' -> out.append(inClass ? "B" : JS_NOT_WORD_BOUNDARY);
            case 'v' -> out.append("\\x0B");
            case 'c' -> {
                if (i + 2 < n && isAsciiLetter(s.charAt(i + 2))) {
                    out.append(hex(s.charAt(i + 2) % 32));
                    return i + 3;
                }
                out.append("\\\\c"); // Annex B: a literal backslash followed by c
            }
            case 'x' -> {
                if (i + 3 < n && isHex(s.charAt(i + 2)) && isHex(s.charAt(i + 3))) {
                    out.append(s, i, i + 4);
                    return i + 4;
                }
                out.append('x');
            }
            case 'u' -> {
                if (i + 5 < n && isHex(s.charAt(i + 2)) && isHex(s.charAt(i + 3))
                        && isHex(s.charAt(i + 4)) && isHex(s.charAt(i + 5))) {
                    out.append(s, i, i + 6);
                    return i + 6;
                }
                out.append('u');
            }
            case 'k' -> {
                if (!inClass && i + 2 < n && s.charAt(i + 2) == '<') {
                    out.append("\\k");
                } else {
                    out.append('k');
                }
            }
            default -> {
                if (c == '0' && !(i + 2 < n && isDigit(s.charAt(i + 2)))) {
                    out.append("\\x00");
                } else if (isDigit(c)) {
                    if (inClass) {
                        // Annex B: an octal escape inside a class.
                        int j = i + 1;
                        int value = 0;
                        while (j < n && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7'
                                && value * 8 + (s.charAt(j) - '0') <= 0377) {
                            value = value * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        if (j == i + 1) {
                            out.append(c); // \8, \9: the digit itself
                            return i + 2;
                        }
                        out.append(hex(value));
                        return j;
                    }
                    out.append('\\').append(c); // back-reference
                } else if (isAsciiLetter(c)) {
                    out.append(c); // identity escape of a letter: the letter itself
                } else if (c < 0x80) {
                    out.append('\\').append(c); // escaped punctuation: the same in Java
                } else {
                    out.append(hex(c));
                }
            }
        }
        return i + 2;
    }

    private static String hex(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
