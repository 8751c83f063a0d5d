package io.podcastplatform.ingest.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.ingest.persist.service.PartitionMaintenance;
import io.podcastplatform.testing.RealStackResource;
import io.podcastplatform.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Partition maintenance as the owner: partitions made ahead, every one of them with row-level security forced. */
@QuarkusTest
@WithTestResource(RealStackResource.class)
class PartitionMaintenanceIT {

    @Inject
    PartitionMaintenance maintenance;

    @Test
    void partitionsExistTwoWeeksAheadAndEveryOneForcesRowLevelSecurity() {
        maintenance.maintain().await().atMost(Duration.ofSeconds(60));

        for (String parent : List.of("listener_events", "attribution_events", "attribution_event_metadata", "conversion_events",
                "download_requests")) {
            List<Map<String, Object>> partitions = TestDatabase.as("ingest_app").query("""
                    SELECT c.relname AS name, c.relrowsecurity AND c.relforcerowsecurity AS forced
                      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                     WHERE i.inhparent = ('ingest.' || ?)::regclass""", parent);
            assertThat(partitions).as("partitions of %s", parent).hasSizeGreaterThan(14)
                    .allSatisfy(partition -> assertThat(partition.get("forced")).as("RLS forced on %s", partition.get("name")).isEqualTo(true));
            String inTwoWeeks = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(13).toString().replace("-", "_");
            assertThat(partitions).as("a partition for %s of %s", inTwoWeeks, parent)
                    .anySatisfy(partition -> assertThat((String) partition.get("name")).endsWith("_p" + inTwoWeeks));
        }
    }
}
