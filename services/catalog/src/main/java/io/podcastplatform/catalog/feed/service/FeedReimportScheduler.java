package io.podcastplatform.catalog.feed.service;

import io.podcastplatform.catalog.podcast.repository.PodcastRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Re-imports feeds whose last attempt is older than {@code catalog.feeds.reimport-after}, a batch per
 * run, one after the other. Imports are conditional (ETag / Last-Modified) and idempotent, so two
 * replicas picking the same feed only cost a request.
 */
@ApplicationScoped
public class FeedReimportScheduler {

    private static final Logger LOG = Logger.getLogger(FeedReimportScheduler.class);

    private final TenantTransactions transactions;
    private final PodcastRepository podcasts;
    private final FeedImporter importer;
    private final FeedConfig config;

    public FeedReimportScheduler(TenantTransactions transactions, PodcastRepository podcasts, FeedImporter importer,
                                 FeedConfig config) {
        this.transactions = transactions;
        this.podcasts = podcasts;
        this.importer = importer;
        this.config = config;
    }

    @Scheduled(every = "${catalog.feeds.reimport-check:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reimportDue().replaceWithVoid();
    }

    /** Re-imports the due feeds; the number of feeds attempted. */
    public Uni<Integer> reimportDue() {
        OffsetDateTime before = OffsetDateTime.now().minus(config.reimportAfter());
        return transactions.inPlatformScope(tx -> podcasts.dueForImport(tx, before, config.reimportBatch()))
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(podcast -> importer.importFeed(podcast.tenantId(), podcast.id())
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "scheduled re-import of podcast %s failed", podcast.id());
                                    return null;
                                }))
                        .collect().asList()
                        .map(attempted -> due.size()));
    }
}
