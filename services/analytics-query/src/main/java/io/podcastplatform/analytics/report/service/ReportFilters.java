package io.podcastplatform.analytics.report.service;

import java.util.UUID;

/**
 * What a report narrows its series to; absent values mean "all" (and bots "exclude", the top list 10 episodes).
 *
 * @param bots  "include" or "exclude", as in the dashboards
 * @param limit how many top episodes (1-100)
 * @param by    the dimension of a breakdown: country, app, device or platform
 */
public record ReportFilters(UUID podcastId, UUID episodeId, String bots, Integer limit, String by) {

    public static final String PODCAST_ID = "podcastId";
    public static final String EPISODE_ID = "episodeId";
    public static final String BOTS = "bots";
    public static final String LIMIT = "limit";
    public static final String BY = "by";
    public static final int DEFAULT_LIMIT = 10;

    public boolean botsIncluded() {
        return "include".equals(bots);
    }

    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
