package io.podcastplatform.analytics.rollup.service;

import io.podcastplatform.analytics.rollup.repository.DownloadRollupRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Keeps every active tenant's hourly downloads fresh, one tenant after another, every few seconds. */
@ApplicationScoped
public class DownloadRollupRefresher {

    private static final Logger LOG = Logger.getLogger(DownloadRollupRefresher.class);

    private final DownloadRollups rollups;
    private final DownloadRollupRepository repository;
    private final PgPool pool;
    private final RollupConfig config;

    public DownloadRollupRefresher(DownloadRollups rollups, DownloadRollupRepository repository, PgPool pool, RollupConfig config) {
        this.rollups = rollups;
        this.repository = repository;
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${analytics.rollups.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshAll() {
        Instant now = Clock.systemUTC().instant();
        return repository.activeTenants(pool)
                .onItem().transformToMulti(tenants -> Multi.createFrom().iterable(tenants))
                .onItem().transformToUniAndConcatenate(tenant -> refresh(tenant, now)
                        .onFailure().invoke(failure -> LOG.warnf(failure, "rollup refresh of tenant %s failed; the next run retries", tenant))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }

    public Uni<DownloadRollups.Recomputed> refresh(UUID tenantId, Instant now) {
        return rollups.refresh(tenantId, now, config.trailingWindow(), config.longestCatchUp());
    }
}
