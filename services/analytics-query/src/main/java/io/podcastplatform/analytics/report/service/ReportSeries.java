package io.podcastplatform.analytics.report.service;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The dashboard series a report can render, and the filters each one understands. */
public enum ReportSeries {
    DOWNLOADS("downloads", true, Set.of(ReportFilters.PODCAST_ID, ReportFilters.EPISODE_ID, ReportFilters.BOTS)),
    TOP_EPISODES("top_episodes", false, Set.of(ReportFilters.BOTS, ReportFilters.LIMIT)),
    LISTENERS("listeners", true, Set.of(ReportFilters.PODCAST_ID, ReportFilters.EPISODE_ID, ReportFilters.BOTS)),
    /** Needs {@code filters.by}: country, app, device or platform. */
    BREAKDOWN("breakdown", false, Set.of(ReportFilters.BY, ReportFilters.PODCAST_ID, ReportFilters.EPISODE_ID, ReportFilters.BOTS)),
    LISTEN_THROUGH("listen_through", false, Set.of(ReportFilters.PODCAST_ID, ReportFilters.EPISODE_ID, ReportFilters.BOTS));

    private final String key;
    private final boolean hasGranularity;
    private final Set<String> filters;

    ReportSeries(String key, boolean hasGranularity, Set<String> filters) {
        this.key = key;
        this.hasGranularity = hasGranularity;
        this.filters = filters;
    }

    public String key() {
        return key;
    }

    public boolean hasGranularity() {
        return hasGranularity;
    }

    public Set<String> filters() {
        return filters;
    }

    public static Optional<ReportSeries> of(String key) {
        return Arrays.stream(values()).filter(series -> series.key.equals(key)).findFirst();
    }
}
