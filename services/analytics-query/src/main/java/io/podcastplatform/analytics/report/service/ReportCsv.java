package io.podcastplatform.analytics.report.service;

import io.podcastplatform.analytics.dashboard.service.Dashboards.Breakdown;
import io.podcastplatform.analytics.dashboard.service.Dashboards.ListenThrough;
import io.podcastplatform.analytics.dashboard.service.Dashboards.ListenerSeries;
import io.podcastplatform.analytics.dashboard.service.Dashboards.Series;
import io.podcastplatform.analytics.dashboard.service.Dashboards.TopEpisodes;
import io.podcastplatform.analytics.dashboard.service.DashboardCsv;

/** A rendered report: the dashboards' own CSV, so a saved report reads like the dashboard it saves. */
public record ReportCsv(String text, int rowCount) {

    static ReportCsv of(Series series) {
        return new ReportCsv(DashboardCsv.of(series), series.buckets().size());
    }

    static ReportCsv of(TopEpisodes top) {
        return new ReportCsv(DashboardCsv.of(top), top.episodes().size());
    }

    static ReportCsv of(ListenerSeries series) {
        return new ReportCsv(DashboardCsv.of(series), series.buckets().size());
    }

    static ReportCsv of(Breakdown breakdown) {
        return new ReportCsv(DashboardCsv.of(breakdown), breakdown.rows().size());
    }

    static ReportCsv of(ListenThrough listenThrough) {
        return new ReportCsv(DashboardCsv.of(listenThrough), listenThrough.curve().size());
    }
}
