package io.podcastplatform.catalog;

import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.ServiceFoundationContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@WithTestResource(RealStackResource.class)
class CatalogFoundationIT extends ServiceFoundationContract {

    @Override
    protected String schema() {
        return "catalog";
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("outbox_event", "processed_event", "tenant_directory", "api_key_directory", "podcast", "episode",
                "transcript", "sponsor", "idempotency_key", "content", "content_series", "product", "brand_profile",
                "voice_sample", "voice_fingerprint", "voice_score", "offering", "offering_resource", "template", "bonus");
    }
}
