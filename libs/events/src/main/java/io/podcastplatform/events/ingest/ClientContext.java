package io.podcastplatform.events.ingest;

/**
 * Who sent an ingest event, as far as ingest may keep it: never the raw IP address, only keyed hashes
 * of it, plus what the OPAWG user-agent lists and the GeoIP database say.
 *
 * @param ipHash         HMAC-SHA256 of the full address with the tenant's key of the day (hex); null when unknown
 * @param householdHash  the same over the household part (IPv4: the address, IPv6: its /64); null when unknown
 * @param countryCode    ISO 3166-1 alpha-2, or null when the GeoIP reader does not know (or has no database)
 * @param userAgent      the User-Agent as received, cut to 1,024 characters
 * @param agentKind      BOT, APP, LIBRARY, BROWSER, UNKNOWN or MISSING (libs/user-agents)
 * @param agentName      the list entry, e.g. "Apple Podcasts"; null when UNKNOWN or MISSING
 * @param appName        the podcast app (or the web player named by the Referer)
 * @param deviceCategory mobile, computer, smart_speaker, smart_tv, watch, auto
 * @param bot            true when the IAB guidelines count the agent as a bot
 */
public record ClientContext(String ipHash, String householdHash, String countryCode, String userAgent, String agentKind,
                            String agentName, String appName, String deviceName, String deviceCategory, boolean bot) {
}
