package io.podcastplatform.billing;

import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.ServiceFoundationContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
@WithTestResource(RealStackResource.class)
class BillingFoundationIT extends ServiceFoundationContract {

    @Override
    protected String schema() {
        return "billing";
    }

    @Override
    protected List<String> expectedTables() {
        return List.of("outbox_event", "processed_event", "tenant_directory");
    }
}
