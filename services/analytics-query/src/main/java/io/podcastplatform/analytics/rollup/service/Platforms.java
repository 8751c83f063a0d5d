package io.podcastplatform.analytics.rollup.service;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The operating system (platform) of a download request, read from its User-Agent: ingest records the app and
 * the device class of a request but not its platform. The order matters: Apple Watch and Apple TV agents also
 * name Darwin/CFNetwork, Android agents also say Linux.
 */
public final class Platforms {

    public static final String UNKNOWN = "unknown";
    private static final Pattern IOS_WORD = Pattern.compile("(^|[^a-z])ios([^a-z]|$)");

    private Platforms() {
    }

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        if (agent.contains("watchos")) {
            return "watchOS";
        }
        if (agent.contains("tvos") || agent.contains("appletv")) {
            return "tvOS";
        }
        if (agent.contains("android")) {
            return "Android";
        }
        if (agent.contains("iphone") || agent.contains("ipad") || agent.contains("ipod") || IOS_WORD.matcher(agent).find()
                || (agent.contains("cfnetwork") && !agent.contains("macintosh") && !agent.contains("mac os"))) {
            return "iOS";
        }
        if (agent.contains("macintosh") || agent.contains("mac os") || agent.contains("macos")) {
            return "macOS";
        }
        if (agent.contains("windows")) {
            return "Windows";
        }
        if (agent.contains("cros")) {
            return "ChromeOS";
        }
        if (agent.contains("linux")) {
            return "Linux";
        }
        return UNKNOWN;
    }
}
