package io.podcastplatform.ingest.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podcastplatform.ingest.persist.service.DedupCleanup;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Message ids past the dedup window are forgotten; younger ones are kept. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class DedupCleanupIT {

    private static final TestDatabase APP = TestDatabase.as("ingest_app");

    @Inject
    DedupCleanup cleanup;

    private static void remember(UUID tenant, String messageId, String age) {
        try (Connection connection = APP.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)");
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO ingest.ingested_message (tenant_id, stream, message_id, event_id, first_seen_at)
                         VALUES (?, 'attribution', ?, ?, now() - ?::interval)""")) {
                bind.setString(1, tenant.toString());
                bind.execute();
                insert.setObject(1, tenant);
                insert.setString(2, messageId);
                insert.setObject(3, UUID.randomUUID());
                insert.setString(4, age);
                insert.execute();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void idsOlderThanTheDedupWindowAreForgottenAndYoungerOnesKept() {
        UUID tenant = TestTenants.fresh();
        String old = "old-" + UUID.randomUUID();
        String young = "young-" + UUID.randomUUID();
        remember(tenant, old, "36 days");
        remember(tenant, young, "34 days");

        // the tenant reaches ingest's directory through identity.tenant.v1; rounds before that skip it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            cleanup.forgetExpired().await().atMost(Duration.ofSeconds(30));
            assertThat(APP.countInTenant(tenant, "SELECT 1 FROM ingest.ingested_message WHERE message_id = ?", old)).isZero();
        });
        assertThat(APP.countInTenant(tenant, "SELECT 1 FROM ingest.ingested_message WHERE message_id = ?", young)).isEqualTo(1);
    }
}
