package io.podcastplatform.useragents;

/**
 * What {@link UserAgentClassifier#classify(String, String)} found for one request. Immutable; fields
 * that do not apply are {@code null}.
 *
 * @param kind                which list matched first (or {@code UNKNOWN}, {@code MISSING})
 * @param name                name of the matching entry (e.g. {@code Apple Podcasts}); {@code null}
 *                            for {@code UNKNOWN} and {@code MISSING}
 * @param category            the matching entry's category (libraries: {@code bot} or none)
 * @param description         the matching entry's description, if it has one
 * @param svg                 the matching entry's icon file name, if it has one
 * @param appName             the podcast app: the entry name for {@code APP}; for {@code BROWSER}, the
 *                            Referer entry when its category is {@code app} or {@code host} (a web
 *                            player); else {@code null}
 * @param deviceName          first {@code devices.json} entry matching the User-Agent (not for bots
 *                            or a missing User-Agent), e.g. {@code Apple iPhone}
 * @param deviceCategory      that entry's category: {@code mobile}, {@code computer},
 *                            {@code smart_speaker}, {@code smart_tv}, {@code watch}, {@code auto}
 * @param referrerName        first {@code referrers.json} entry matching the Referer (looked up for
 *                            {@code BROWSER} only, as the data's comments say)
 * @param referrerCategory    that entry's category ({@code app}, {@code host} or {@code null})
 * @param iabBot              to be filtered as a bot when counting IAB downloads: a {@code bots.json}
 *                            match, a {@code libraries.json} entry of category {@code bot}, or a
 *                            missing User-Agent
 * @param appleWatchDuplicate the Apple Watch duplicate the IAB v2.2/v2.3 guidelines filter (step 1.2
 *                            #7, §8.1): the User-Agent begins with {@code atc/} and contains
 *                            {@code watchOS}, or contains {@code (null)/(null) watchOS}
 */
public record Classification(
        UserAgentKind kind,
        String name,
        String category,
        String description,
        String svg,
        String appName,
        String deviceName,
        String deviceCategory,
        String referrerName,
        String referrerCategory,
        boolean iabBot,
        boolean appleWatchDuplicate) {

    /** Whether an IAB download count drops this request: a bot or an Apple Watch duplicate. */
    public boolean excludedFromIabDownloads() {
        return iabBot || appleWatchDuplicate;
    }

    Classification withReferrer(PatternEntry referrer) {
        String cat = referrer.category();
        String app = "app".equals(cat) || "host".equals(cat) ? referrer.name() : appName;
        return new Classification(kind, name, category, description, svg, app, deviceName, deviceCategory,
                referrer.name(), cat, iabBot, appleWatchDuplicate);
    }
}
