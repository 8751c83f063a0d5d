package io.podcastplatform.analytics;

import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.ServiceFoundationContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@WithTestResource(RealStackResource.class)
class AnalyticsFoundationIT extends ServiceFoundationContract {

    @Override
    protected String schema() {
        return "analytics";
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("dashboard_setting", "download_episode_cumulative", "download_episode_daily", "download_hourly", "download_listener_hourly", "download_podcast_hourly", "download_tenant_hourly", "episode_copy", "iab_setting", "listen_through_hourly", "listener_sketch_dimension_hourly", "listener_sketch_episode_hourly", "listener_sketch_podcast_hourly", "listener_sketch_tenant_hourly", "outbox_event", "processed_event", "report", "report_generation", "rollup_source_hour", "tenant_directory");
    }
}
