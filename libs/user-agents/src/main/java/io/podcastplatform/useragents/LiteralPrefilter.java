package io.podcastplatform.useragents;

import java.util.ArrayList;
import java.util.List;

/**
 * A cheap necessary condition for a pattern to match, derived from its source: for each top-level
 * alternative, one literal text that any match of that alternative must contain (or start with, when
 * the alternative begins with {@code ^} followed by that text). If no alternative's literal occurs,
 * the regular expression cannot match and need not run. Most OPAWG patterns are anchored literals or
 * alternations of literals, so this turns most of the ~900 regex searches per unseen User-Agent into
 * {@link String#startsWith} / {@link String#indexOf} calls.
 *
 * <p>Only plain characters and escaped punctuation count as literal; anything else (classes, groups,
 * dots, quantified characters, escapes such as {@code \d}) ends a literal run, so the derived
 * condition is always implied by a match. An alternative without such a literal disables the filter
 * for the whole pattern ({@link #of} returns {@code null}).
 */
final class LiteralPrefilter {

    private final String[] literals;
    private final boolean[] anchored;

    private LiteralPrefilter(String[] literals, boolean[] anchored) {
        this.literals = literals;
        this.anchored = anchored;
    }

    /** Whether the pattern may match {@code s}; {@code false} means it certainly does not. */
    boolean mayMatch(String s) {
        for (int i = 0; i < literals.length; i++) {
            if (anchored[i] ? s.startsWith(literals[i]) : s.contains(literals[i])) {
                return true;
            }
        }
        return false;
    }

    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < literals.length; i++) {
            out.add((anchored[i] ? "^" : "") + literals[i]);
        }
        return out;
    }

    /** The prefilter for a JavaScript pattern, or {@code null} when none can be derived. */
    static LiteralPrefilter of(String source) {
        String body = unwrapGroup(source);
        List<String> alternatives = splitTopLevel(body);
        String[] lits = new String[alternatives.size()];
        boolean[] anch = new boolean[alternatives.size()];
        for (int i = 0; i < alternatives.size(); i++) {
            String alt = alternatives.get(i);
            Best best = bestLiteral(alt);
            if (best == null) {
                return null;
            }
            lits[i] = best.text;
            anch[i] = best.anchored;
        }
        return new LiteralPrefilter(lits, anch);
    }

    private record Best(String text, boolean anchored) {
    }

    /** Strips one capturing or non-capturing group that spans the whole source, without a quantifier. */
    private static String unwrapGroup(String s) {
        while (s.length() >= 2 && s.charAt(0) == '(' && closingParen(s, 0) == s.length() - 1) {
            if (s.startsWith("(?:")) {
                s = s.substring(3, s.length() - 1);
            } else if (s.startsWith("(?")) {
                return s; // look-around or named group: leave it
            } else {
                s = s.substring(1, s.length() - 1);
            }
        }
        return s;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closingParen(String s, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The longest mandatory literal run of one alternative (preferring a ^-anchored prefix). */
    private static Best bestLiteral(String alt) {
        int n = alt.length();
        int i = 0;
        boolean atStart = false;
        if (n > 0 && alt.charAt(0) == '^') {
            atStart = true;
            i = 1;
        }
        StringBuilder run = new StringBuilder();
        boolean runAnchored = atStart;
        String best = "";
        boolean bestAnchored = false;
        while (i < n) {
            char c = alt.charAt(i);
            int next;
            String literal; // the token's literal text, or null for a non-literal token
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char e = alt.charAt(i + 1);
                literal = !Character.isLetterOrDigit(e) && e < 0x80 ? String.valueOf(e) : null;
                next = i + 2;
            } else if (c == '[') {
                int j = i + 1;
                if (j < n && alt.charAt(j) == '^') {
                    j++;
                }
                if (j < n && alt.charAt(j) == ']') {
                    j++;
                }
                while (j < n && alt.charAt(j) != ']') {
                    if (alt.charAt(j) == '\\') {
                        j++;
                    }
                    j++;
                }
                literal = null;
                next = j + 1;
            } else if (c == '(') {
                int close = closingParen(alt, i);
                if (close < 0) {
                    return null;
                }
                literal = null;
                next = close + 1;
            } else if ("^$.|)]{}?*+".indexOf(c) >= 0) {
                literal = null;
                next = i + 1;
            } else {
                literal = String.valueOf(c);
                next = i + 1;
            }
            // A following quantifier makes the token optional or repeated.
            char q = next < n ? alt.charAt(next) : 0;
            boolean optional = q == '?' || q == '*' || q == '{';
            boolean repeated = q == '+' || q == '{' || q == '*';
            if (literal != null && !optional) {
                run.append(literal);
            }
            if (literal == null || optional || repeated) {
                // end of this run
                if (run.length() > best.length() || (runAnchored && run.length() > 0 && run.length() >= best.length())) {
                    best = run.toString();
                    bestAnchored = runAnchored;
                }
                run.setLength(0);
                runAnchored = false;
            }
            i = next;
            if (q == '+' || q == '?' || q == '*') {
                i++;
                if (i < n && alt.charAt(i) == '?') {
                    i++; // lazy quantifier
                }
            } else if (q == '{') {
                int close = alt.indexOf('}', i);
                i = close < 0 ? n : close + 1;
            }
        }
        if (run.length() > best.length() || (runAnchored && run.length() > 0 && run.length() >= best.length())) {
            best = run.toString();
            bestAnchored = runAnchored;
        }
        return best.isEmpty() ? null : new Best(best, bestAnchored);
    }
}
