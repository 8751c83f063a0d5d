package io.podcastplatform.analytics.report.service;

import io.podcastplatform.analytics.dashboard.service.Dashboards.Series;
import io.podcastplatform.analytics.dashboard.service.Dashboards.TopEpisodes;
import io.podcastplatform.analytics.dashboard.service.DownloadCsv;

/** A rendered report: the dashboards' own CSV, so a saved report reads like the dashboard it saves. */
public record ReportCsv(String text, int rowCount) {

    static ReportCsv of(Series series) {
        return new ReportCsv(DownloadCsv.of(series), series.buckets().size());
    }

    static ReportCsv of(TopEpisodes top) {
        return new ReportCsv(DownloadCsv.of(top), top.episodes().size());
    }
}
