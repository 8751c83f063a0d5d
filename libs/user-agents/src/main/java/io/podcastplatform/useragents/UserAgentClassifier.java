package io.podcastplatform.useragents;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies a request's User-Agent (and, for browsers, its Referer) with the OPAWG user-agents-v2
 * lists, the way the IAB Podcast Technical Measurement Guidelines use them.
 *
 * <ul>
 *   <li>The User-Agent is matched against {@code bots.json}, then {@code apps.json}, then
 *       {@code libraries.json}, then {@code browsers.json}, each in file order; the first matching
 *       entry wins (the order the files' own comments give).</li>
 *   <li>Unless it is a bot, the User-Agent is also matched against {@code devices.json} (first match)
 *       for the device.</li>
 *   <li>For a browser, the Referer is matched against {@code referrers.json} (first match): web
 *       players and apps that cannot set the User-Agent.</li>
 *   <li>IAB bots: any {@code bots.json} match, a {@code libraries.json} entry with category
 *       {@code bot}, and a missing or blank User-Agent. Apple Watch duplicates are flagged separately
 *       ({@link Classification#appleWatchDuplicate()}).</li>
 * </ul>
 *
 * <p>Patterns are JavaScript regular expressions, translated by {@link JsRegex} and compiled once at
 * construction. Recent User-Agent results are kept in a bounded least-recently-used cache.
 * Instances are immutable after construction and safe for concurrent use.
 */
public final class UserAgentClassifier {

    /** Default number of distinct User-Agents whose results are cached. */
    public static final int DEFAULT_CACHE_CAPACITY = 10_000;
    /**
     * Default longest header value matched: longer values are matched on their first this many
     * characters (real User-Agents are far shorter; this bounds the regex work an oversized header can
     * cause on the hot path). Results for such values are not cached.
     */
    public static final int DEFAULT_MAX_LENGTH = 1024;

    static final Classification MISSING = new Classification(UserAgentKind.MISSING, null, null, null, null, null,
            null, null, null, null, true, false);

    private final PatternSet patternSet;
    private final Matchable[] uaOrder;
    private final Matchable[] devices;
    private final Matchable[] referrers;
    private final BoundedCache<String, Classification> cache;
    private final int maxLength;

    /** A classifier over {@code patternSet} with the default cache capacity and maximum length. */
    public UserAgentClassifier(PatternSet patternSet) {
        this(patternSet, DEFAULT_CACHE_CAPACITY, DEFAULT_MAX_LENGTH);
    }

    /**
     * A classifier over {@code patternSet}.
     *
     * @param cacheCapacity number of distinct User-Agents whose results are kept; 0 disables the cache
     * @param maxLength     longest header value matched in full (at least 256)
     */
    public UserAgentClassifier(PatternSet patternSet, int cacheCapacity, int maxLength) {
        this.patternSet = Objects.requireNonNull(patternSet, "patternSet");
        if (cacheCapacity < 0) {
            throw new IllegalArgumentException("cacheCapacity must be >= 0: " + cacheCapacity);
        }
        if (maxLength < 256) {
            throw new IllegalArgumentException("maxLength must be >= 256: " + maxLength);
        }
        List<PatternEntry> order = new ArrayList<>();
        order.addAll(patternSet.entries(PatternFile.BOTS));
        order.addAll(patternSet.entries(PatternFile.APPS));
        order.addAll(patternSet.entries(PatternFile.LIBRARIES));
        order.addAll(patternSet.entries(PatternFile.BROWSERS));
        this.uaOrder = Matchable.of(order);
        this.devices = Matchable.of(patternSet.entries(PatternFile.DEVICES));
        this.referrers = Matchable.of(patternSet.entries(PatternFile.REFERRERS));
        this.cache = cacheCapacity == 0 ? null : new BoundedCache<>(cacheCapacity);
        this.maxLength = maxLength;
    }

    /** A classifier over the bundled copy of the lists, with the defaults. */
    public static UserAgentClassifier bundled() {
        return new UserAgentClassifier(PatternSetLoader.loadBundled());
    }

    /** The lists this classifier uses. */
    public PatternSet patternSet() {
        return patternSet;
    }

    /** Which copy of the lists this classifier uses (for the methodology endpoint). */
    public DataVersion dataVersion() {
        return patternSet.version();
    }

    /** {@link #classify(String, String)} without a Referer. */
    public Classification classify(String userAgent) {
        return classify(userAgent, null);
    }

    /**
     * Classifies one request.
     *
     * @param userAgent the User-Agent header value, or {@code null} if the request had none
     * @param referrer  the Referer header value, or {@code null}
     */
    public Classification classify(String userAgent, String referrer) {
        Classification base = classifyUserAgent(userAgent);
        if (base.kind() == UserAgentKind.BROWSER && referrer != null && !referrer.isBlank()) {
            PatternEntry r = firstMatch(referrers, bounded(referrer));
            if (r != null) {
                return base.withReferrer(r);
            }
        }
        return base;
    }

    private Classification classifyUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return MISSING;
        }
        if (cache == null || userAgent.length() > maxLength) {
            return compute(userAgent);
        }
        Classification c = cache.get(userAgent);
        if (c == null) {
            c = compute(userAgent);
            cache.put(userAgent, c);
        }
        return c;
    }

    private Classification compute(String userAgent) {
        String subject = bounded(userAgent);
        boolean watch = isAppleWatchDuplicate(userAgent);
        PatternEntry hit = firstMatch(uaOrder, subject);
        if (hit != null && hit.file() == PatternFile.BOTS) {
            return new Classification(UserAgentKind.BOT, hit.name(), hit.category(), hit.description(), hit.svg(),
                    null, null, null, null, null, true, watch);
        }
        PatternEntry device = firstMatch(devices, subject);
        String deviceName = device == null ? null : device.name();
        String deviceCategory = device == null ? null : device.category();
        if (hit == null) {
            return new Classification(UserAgentKind.UNKNOWN, null, null, null, null, null, deviceName, deviceCategory,
                    null, null, false, watch);
        }
        UserAgentKind kind = switch (hit.file()) {
            case APPS -> UserAgentKind.APP;
            case LIBRARIES -> UserAgentKind.LIBRARY;
            case BROWSERS -> UserAgentKind.BROWSER;
            default -> throw new IllegalStateException(hit.file().name());
        };
        boolean bot = kind == UserAgentKind.LIBRARY && "bot".equals(hit.category());
        return new Classification(kind, hit.name(), hit.category(), hit.description(), hit.svg(),
                kind == UserAgentKind.APP ? hit.name() : null, deviceName, deviceCategory, null, null, bot, watch);
    }

    /**
     * The Apple Watch duplicate rule of the IAB guidelines v2.2/v2.3 (step 1.2 #7, §8.1): the
     * User-Agent begins with {@code atc/} and contains {@code watchOS}, or it contains
     * {@code (null)/(null) watchOS}.
     */
    public static boolean isAppleWatchDuplicate(String userAgent) {
        if (userAgent == null) {
            return false;
        }
        return (userAgent.startsWith("atc/") && userAgent.contains("watchOS"))
                || userAgent.contains("(null)/(null) watchOS");
    }

    private String bounded(String value) {
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    private static PatternEntry firstMatch(Matchable[] entries, String subject) {
        for (Matchable m : entries) {
            if ((m.prefilter == null || m.prefilter.mayMatch(subject)) && m.entry.javaPattern().matcher(subject).find()) {
                return m.entry;
            }
        }
        return null;
    }

    /** An entry with its literal prefilter ({@code null}: always run the regex). */
    private record Matchable(PatternEntry entry, LiteralPrefilter prefilter) {
        static Matchable[] of(List<PatternEntry> entries) {
            Matchable[] out = new Matchable[entries.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = new Matchable(entries.get(i), LiteralPrefilter.of(entries.get(i).pattern()));
            }
            return out;
        }
    }

    /** The first devices.json entry matching {@code userAgent}, or {@code null} (whatever the kind). */
    PatternEntry deviceFor(String userAgent) {
        return firstMatch(devices, bounded(userAgent));
    }

    /** The first referrers.json entry matching {@code referrer}, or {@code null} (whatever the kind). */
    PatternEntry referrerFor(String referrer) {
        return firstMatch(referrers, bounded(referrer));
    }

    /** Cache counters, e.g. for a metrics gauge. */
    public CacheStats cacheStats() {
        return cache == null ? new CacheStats(0, 0, 0, 0)
                : new CacheStats(cache.capacity(), cache.size(), cache.hits(), cache.misses());
    }

    /**
     * @param capacity fixed capacity (0: no cache)
     * @param size     entries held now
     * @param hits     lookups answered from the cache since construction
     * @param misses   lookups that had to match the patterns
     */
    public record CacheStats(int capacity, int size, long hits, long misses) {
    }

    /**
     * Classifies every {@code examples} string of every entry and returns those that do not come out
     * as their own entry: in the User-Agent files because an earlier entry in match order wins (or none
     * matches); in {@code devices.json} and {@code referrers.json} because an earlier entry of the same
     * file wins. A check for an operator's new copy of the lists; the bundled copy's result is pinned in
     * this library's tests.
     */
    public List<ExampleMismatch> checkExamples() {
        List<ExampleMismatch> out = new ArrayList<>();
        for (PatternFile file : PatternFile.values()) {
            Matchable[] candidates = switch (file) {
                case DEVICES -> devices;
                case REFERRERS -> referrers;
                default -> uaOrder;
            };
            for (PatternEntry entry : patternSet.entries(file)) {
                for (String example : entry.examples()) {
                    PatternEntry winner = firstMatch(candidates, bounded(example));
                    if (winner != entry) {
                        out.add(new ExampleMismatch(file, entry.name(), example,
                                winner == null ? null : winner.file(), winner == null ? null : winner.name()));
                    }
                }
            }
        }
        return out;
    }
}
