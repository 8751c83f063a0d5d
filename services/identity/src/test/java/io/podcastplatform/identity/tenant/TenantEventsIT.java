package io.podcastplatform.identity.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.EventSchemas;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.tenant.TenantChanged;
import io.podcastplatform.events.tenant.TenantStatus;
import io.podcastplatform.identity.tenant.service.Tenant;
import io.podcastplatform.identity.tenant.service.TenantRegistry;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.podcastplatform.testing.TestKafka;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Producer side of the identity.tenant.v1 contract, through the transactional outbox and the real broker. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class TenantEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TenantRegistry registry;

    private final TestDatabase db = TestDatabase.as("identity_app");

    @Test
    void registeringATenantPublishesItsStateAsACloudEvent() {
        String slug = uniqueSlug();
        try (TestKafka.Watch watch = TestKafka.watch(Topics.IDENTITY_TENANT_V1)) {
            Tenant tenant = registry.register(slug, "Night Owl Radio", "growth").await().atMost(WAIT);

            ConsumerRecord<String, byte[]> record = watch.await(r -> tenant.id().toString().equals(r.key()), WAIT)
                    .orElseThrow(() -> new AssertionError("no record for the new tenant on " + Topics.IDENTITY_TENANT_V1));
            CloudEvent event = CloudEvent.fromRecord(record.headers(), record.value());
            JsonNode data = EventJson.tree(event.data());

            assertThat(event.type()).isEqualTo(TenantChanged.TYPE);
            assertThat(event.source()).isEqualTo("/identity");
            assertThat(event.tenantId()).isEqualTo(tenant.id());
            assertThat(EventSchemas.violations(Topics.IDENTITY_TENANT_V1, data)).isEmpty();
            assertThat(data.get("slug").asText()).isEqualTo(slug);
            assertThat(data.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(data.get("version").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aStatusChangePublishesTheNextVersionUnderTheSameKey() {
        Tenant tenant = registry.register(uniqueSlug(), "Signal Cast", "starter").await().atMost(WAIT);
        try (TestKafka.Watch watch = TestKafka.watch(Topics.IDENTITY_TENANT_V1)) {
            registry.changeStatus(tenant.id(), TenantStatus.SUSPENDED).await().atMost(WAIT);

            ConsumerRecord<String, byte[]> record = watch.await(r -> tenant.id().toString().equals(r.key())
                    && EventJson.read(r.value(), TenantChanged.class).status() == TenantStatus.SUSPENDED, WAIT).orElseThrow();

            assertThat(EventJson.read(record.value(), TenantChanged.class).version()).isEqualTo(2);
        }
    }

    @Test
    void aDuplicateSlugIsAConflictAndLeavesNoEventBehind() {
        String slug = uniqueSlug();
        registry.register(slug, "First", "starter").await().atMost(WAIT);

        assertThatThrownBy(() -> registry.register(slug, "Second", "starter").await().atMost(WAIT))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(409));

        assertThat(db.single("SELECT count(*) FROM identity.outbox_event WHERE payload->>'slug' = ?", slug)).isEqualTo(1L);
    }

    @Test
    void changingAnUnknownTenantIsNotFoundAndPublishesNothing() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> registry.changeStatus(unknown, TenantStatus.SUSPENDED).await().atMost(WAIT))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(404));
        assertThat(db.single("SELECT count(*) FROM identity.outbox_event WHERE message_key = ?", unknown.toString())).isEqualTo(0L);
    }

    @Test
    void rowLevelSecurityShowsATenantOnlyItsOwnRow() {
        Tenant tenant = registry.register(uniqueSlug(), "Private Feed", "starter").await().atMost(WAIT);
        String sql = "SELECT id FROM identity.tenant WHERE id = ?";

        assertThat(db.countInTenant(tenant.id(), sql, tenant.id())).isEqualTo(1);
        assertThat(db.countInTenant(UUID.randomUUID(), sql, tenant.id())).isZero();
        assertThat(db.countInTenant(null, sql, tenant.id())).isZero();
    }

    @Test
    void theDemoTenantsOfTheShippedRealmArePublished() {
        String demoKeys = "('a1a1a1a1-0000-4000-8000-000000000001', 'b2b2b2b2-0000-4000-8000-000000000002')";
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(db.single("SELECT count(DISTINCT message_key) FROM identity.outbox_event WHERE message_key IN "
                    + demoKeys + " AND published_at IS NOT NULL")).isEqualTo(2L);
            assertThat(db.single("SELECT count(*) FROM identity.outbox_event WHERE message_key IN "
                    + demoKeys + " AND published_at IS NULL")).isEqualTo(0L);
        });
    }

    private static String uniqueSlug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
