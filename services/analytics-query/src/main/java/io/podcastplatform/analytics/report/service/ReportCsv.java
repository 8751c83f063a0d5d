package io.podcastplatform.analytics.report.service;

import io.podcastplatform.analytics.dashboard.service.Dashboards.Series;
import io.podcastplatform.analytics.dashboard.service.Dashboards.TopEpisodes;

/** A rendered report: the columns of the dashboards' own CSV, so a saved report reads like the dashboard it saves. */
public record ReportCsv(String text, int rowCount) {

    static ReportCsv of(Series series) {
        StringBuilder out = new StringBuilder("bucket_start,time_zone,bots,downloads\n");
        series.buckets().forEach(bucket -> out.append(bucket.start()).append(',').append(series.timeZone()).append(',')
                .append(series.bots()).append(',').append(bucket.downloads()).append('\n'));
        return new ReportCsv(out.toString(), series.buckets().size());
    }

    static ReportCsv of(TopEpisodes top) {
        StringBuilder out = new StringBuilder("episode_id,podcast_id,bots,downloads\n");
        top.episodes().forEach(episode -> out.append(episode.episodeId()).append(',')
                .append(episode.podcastId() == null ? "" : episode.podcastId()).append(',').append(top.bots()).append(',')
                .append(episode.downloads()).append('\n'));
        return new ReportCsv(out.toString(), top.episodes().size());
    }
}
