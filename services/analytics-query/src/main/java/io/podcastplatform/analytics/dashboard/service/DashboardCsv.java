package io.podcastplatform.analytics.dashboard.service;

import io.podcastplatform.analytics.dashboard.service.Dashboards.Breakdown;
import io.podcastplatform.analytics.dashboard.service.Dashboards.ListenThrough;
import io.podcastplatform.analytics.dashboard.service.Dashboards.ListenerSeries;
import io.podcastplatform.analytics.dashboard.service.Dashboards.Series;
import io.podcastplatform.analytics.dashboard.service.Dashboards.TopEpisodes;

/** The CSV of every dashboard series: one rendering for the dashboards and the saved reports. */
public final class DashboardCsv {

    private DashboardCsv() {
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

    public static String of(ListenerSeries series) {
        StringBuilder out = new StringBuilder("bucket_start,time_zone,bots,unique_listeners,downloads,unique_listeners_counting\n");
        series.buckets().forEach(bucket -> out.append(bucket.start()).append(',').append(series.timeZone()).append(',')
                .append(series.bots()).append(',').append(bucket.uniqueListeners()).append(',').append(bucket.downloads()).append(',')
                .append(series.uniqueListenersCounting().method()).append('\n'));
        return out.toString();
    }

    public static String of(Breakdown breakdown) {
        StringBuilder out = new StringBuilder("by,value,bots,downloads,unique_listeners,unique_listeners_counting\n");
        breakdown.rows().forEach(row -> out.append(breakdown.by()).append(',').append(field(row.value())).append(',')
                .append(breakdown.bots()).append(',').append(row.downloads()).append(',').append(row.uniqueListeners()).append(',')
                .append(breakdown.uniqueListenersCounting().method()).append('\n'));
        return out.toString();
    }

    /** The curve: the share of sessions still listening at every 5 % of the duration. */
    public static String of(ListenThrough listenThrough) {
        StringBuilder out = new StringBuilder("percent,bots,sessions,share\n");
        listenThrough.curve().forEach(point -> out.append(point.percent()).append(',').append(listenThrough.bots()).append(',')
                .append(point.sessions()).append(',').append(point.share()).append('\n'));
        return out.toString();
    }

    /** A value as one CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
