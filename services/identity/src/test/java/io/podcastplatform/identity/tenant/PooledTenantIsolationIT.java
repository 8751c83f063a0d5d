package io.podcastplatform.identity.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The tenant bound to one transaction never reaches the next user of the same pooled connection. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class PooledTenantIsolationIT {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @Test
    void aConnectionReturnedToThePoolCarriesNoTenant() {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser("identity_app").setPassword("identity_app");
        PgPool single = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(1));
        try {
            TenantTransactions transactions = new TenantTransactions(single);
            for (int i = 0; i < 20; i++) {
                UUID tenant = UUID.randomUUID();
                String inside = transactions.inTenant(tenant, tx -> tx.query("SELECT current_setting('app.tenant_id', true) AS t").execute()
                        .map(rows -> rows.iterator().next().getString("t"))).await().atMost(Duration.ofSeconds(10));
                String after = single.query("SELECT coalesce(current_setting('app.tenant_id', true), '') AS t").execute()
                        .map(rows -> rows.iterator().next().getString("t")).await().atMost(Duration.ofSeconds(10));

                assertThat(inside).isEqualTo(tenant.toString());
                assertThat(after).as("setting seen by the next user of the connection").isEmpty();
            }
        } finally {
            single.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void withoutATenantTheRuntimeRoleSeesNoKeysAndNoTenants() {
        TestDatabase db = TestDatabase.as("identity_app");

        assertThat(db.countInTenant(null, "SELECT 1 FROM identity.api_key")).isZero();
        assertThat(db.countInTenant(null, "SELECT 1 FROM identity.tenant")).isZero();
        assertThat(db.countInTenant(UUID.fromString("a1a1a1a1-0000-4000-8000-000000000001"), "SELECT 1 FROM identity.tenant")).isEqualTo(1);
    }
}
