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
        return List.of("dashboard_setting", "download_hourly", "episode_copy", "iab_setting", "outbox_event", "processed_event", "rollup_watermark", "tenant_directory");
    }
}
