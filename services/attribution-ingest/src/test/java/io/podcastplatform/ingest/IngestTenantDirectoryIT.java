package io.podcastplatform.ingest;

import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TenantDirectoryContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Consumer side of the identity.tenant.v1 contract. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class IngestTenantDirectoryIT extends TenantDirectoryContract {

    @Override
    protected String schema() {
        return "ingest";
    }
}
