package io.podcastplatform.ingest;

import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.ServiceFoundationContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;

@QuarkusTest
@WithTestResource(RealStackResource.class)
class IngestFoundationIT extends ServiceFoundationContract {

    @Override
    protected String schema() {
        return "ingest";
    }

    /**
     * The pixel and the download prefix answer everyone (a GIF, a redirect); they check keys and slugs afterwards.
     * Partner webhooks are authenticated by their HMAC signature, not by a key.
     */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("GET /v1/pixel.gif", "GET /v1/e/{tenantSlug}/{enclosure}", "POST /v1/webhooks/{partner}/{integrationId}");
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("outbox_event", "processed_event", "tenant_directory", "api_key_directory", "listener_events",
                "attribution_events", "attribution_event_metadata", "conversion_events", "download_requests", "ingested_message", "episode_enclosure", "dead_letter", "integration", "webhook_delivery", "event_quota");
    }
}
