package io.podcastplatform.analytics.dashboard.service;

import io.podcastplatform.analytics.dashboard.service.Dashboards.Series;
import io.podcastplatform.analytics.dashboard.service.Dashboards.TopEpisodes;

/** The CSV of the download series and of the top episodes: one rendering for the dashboards and the saved reports. */
public final class DownloadCsv {

    private DownloadCsv() {
    }

    public static String of(Series series) {
        StringBuilder out = new StringBuilder("bucket_start,time_zone,bots,downloads\n");
        series.buckets().forEach(bucket -> out.append(bucket.start()).append(',').append(series.timeZone()).append(',')
                .append(series.bots()).append(',').append(bucket.downloads()).append('\n'));
        return out.toString();
    }

    public static String of(TopEpisodes top) {
        StringBuilder out = new StringBuilder("episode_id,podcast_id,bots,downloads\n");
        top.episodes().forEach(episode -> out.append(episode.episodeId()).append(',')
                .append(episode.podcastId() == null ? "" : episode.podcastId()).append(',').append(top.bots()).append(',')
                .append(episode.downloads()).append('\n'));
        return out.toString();
    }
}
