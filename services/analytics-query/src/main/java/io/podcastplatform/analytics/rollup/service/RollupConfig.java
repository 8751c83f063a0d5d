package io.podcastplatform.analytics.rollup.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "analytics.rollups")
public interface RollupConfig {

    /** How often the scheduler refreshes (read by its {@code @Scheduled} expression; "off" disables it). */
    @WithName("refresh-every")
    String refreshEvery();

    /** Closed hours the scheduled refresh recomputes behind the open one, so late requests count once. */
    @WithName("trailing-window")
    Duration trailingWindow();

    /** How far behind a watermark the refresh catches up after a pause; older periods are recomputed on demand. */
    @WithName("longest-catch-up")
    Duration longestCatchUp();
}
