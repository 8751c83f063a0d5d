package io.podcastplatform.ingest.persist.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the time partitions ahead of time and secured: pg_partman's maintenance (new daily partitions,
 * retention) for each event table, then row-level security forced on any partition that lacks it
 * (partitions do not inherit it). Partitions belong to the owner, so this runs as the migration role,
 * on a connection of its own; with TimescaleDB (no part_config rows) it only secures.
 */
@ApplicationScoped
public class PartitionMaintenance {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);
    static final List<String> PARENTS = List.of("ingest.listener_events", "ingest.attribution_events",
            "ingest.attribution_event_metadata", "ingest.conversion_events", "ingest.download_requests");
    private static final String RUN_PARTMAN = """
            SELECT partman.run_maintenance(p_parent_table => parent_table)
              FROM partman.part_config WHERE parent_table = $1""";
    private static final String HAS_PARTMAN = "SELECT 1 FROM pg_extension WHERE extname = 'pg_partman'";
    private static final String SECURE = "SELECT ingest.secure_partitions($1::regclass) AS secured";

    private final Vertx vertx;
    private final PgConnectOptions ownerOptions;
    private final MeterRegistry registry;

    public PartitionMaintenance(Vertx vertx, MeterRegistry registry,
                                @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                                @ConfigProperty(name = "quarkus.liquibase.username") String owner,
                                @ConfigProperty(name = "quarkus.liquibase.password") String ownerPassword) {
        this.vertx = vertx;
        this.registry = registry;
        this.ownerOptions = PgConnectOptions.fromUri(url).setUser(owner).setPassword(ownerPassword);
    }

    @Scheduled(every = "${ingest.partitions.maintenance-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return maintain().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("partition maintenance failed, next round retries: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    /** Runs one round; the number of partitions that had to be secured. */
    public Uni<Integer> maintain() {
        return PgConnection.connect(vertx, ownerOptions).flatMap(connection -> connection.query(HAS_PARTMAN).execute()
                .flatMap(partman -> Multi.createFrom().iterable(PARENTS)
                        .onItem().transformToUniAndConcatenate(parent -> (partman.size() == 0
                                ? Uni.createFrom().voidItem()
                                : connection.preparedQuery(RUN_PARTMAN).execute(Tuple.of(parent)).replaceWithVoid())
                                .flatMap(done -> connection.preparedQuery(SECURE).execute(Tuple.of(parent)))
                                .map(rows -> rows.iterator().next().getInteger("secured")))
                        .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue)))
                .invoke(secured -> registry.counter("ingest.partitions.maintained").increment())
                .eventually(connection::close));
    }
}
