package io.podcastplatform.analytics.rollup.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "analytics.rollups")
public interface RollupConfig {

    /** How often the scheduler refreshes (read by its {@code @Scheduled} expression; "off" disables it). */
    @WithName("refresh-every")
    String refreshEvery();

    /** Closed hours behind the open one whose raw rows every pass compares, so late requests are found at once. */
    @WithName("trailing-window")
    Duration trailingWindow();

    /** How far back the deep probe looks for late rows (and catches up after a pause); older periods are recomputed on demand. */
    @WithName("longest-catch-up")
    Duration longestCatchUp();

    /** Tenants refreshed at once (each in its own transaction and under its own lock); at most the connection pool. */
    @WithName("parallel-tenants")
    int parallelTenants();

    /** How often, per tenant, the probe looks back the whole catch-up period instead of the trailing window. */
    @WithName("deep-probe-every")
    Duration deepProbeEvery();
}
