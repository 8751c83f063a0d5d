package io.podcastplatform.catalog.feed.service;

import io.podcastplatform.catalog.episode.repository.EpisodeRepository;
import io.podcastplatform.catalog.episode.service.EpisodeEvents;
import io.podcastplatform.catalog.podcast.repository.PodcastRepository;
import io.podcastplatform.catalog.podcast.service.Podcast;
import io.podcastplatform.catalog.podcast.service.PodcastEvents;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Imports a podcast's feed: fetch (conditional, guarded), parse off the event loop, then one tenant
 * transaction that updates the show, upserts every episode by guid and publishes exactly the episodes
 * created or changed. Any failure of fetch or parse is recorded on the podcast and never escapes as a
 * server error.
 */
@ApplicationScoped
public class FeedImporter {

    private static final Logger LOG = Logger.getLogger(FeedImporter.class);
    /** Episodes per upsert statement, so very long feeds never build one enormous statement. */
    private static final int CHUNK = 1000;

    private final TenantTransactions transactions;
    private final PodcastRepository podcasts;
    private final EpisodeRepository episodes;
    private final PodcastEvents podcastEvents;
    private final EpisodeEvents episodeEvents;
    private final FeedFetcher fetcher;

    public FeedImporter(TenantTransactions transactions, PodcastRepository podcasts, EpisodeRepository episodes,
                        PodcastEvents podcastEvents, EpisodeEvents episodeEvents, FeedFetcher fetcher) {
        this.transactions = transactions;
        this.podcasts = podcasts;
        this.episodes = episodes;
        this.podcastEvents = podcastEvents;
        this.episodeEvents = episodeEvents;
        this.fetcher = fetcher;
    }

    public Uni<ImportOutcome> importFeed(UUID tenantId, UUID podcastId) {
        long started = System.nanoTime();
        return transactions.inTenant(tenantId, tx -> podcasts.find(tx, podcastId).flatMap(found -> {
                    Podcast podcast = found.orElseThrow(() -> ProblemException.notFound("podcast", podcastId));
                    if (podcast.feedUrl() == null) {
                        throw ProblemException.badRequest("feedUrl", "the podcast has no feed URL to import from");
                    }
                    return podcasts.startImport(tx, podcastId).map(marked -> marked.orElse(podcast));
                }))
                .flatMap(podcast -> fetcher.fetch(podcast.feedUrl(), podcast.feedEtag(), podcast.feedLastModified())
                        .flatMap(fetched -> fetched.notModified()
                                ? notModified(tenantId, podcastId)
                                : parse(fetched).flatMap(feed -> store(tenantId, podcastId, feed, fetched, started)))
                        .onFailure(failure -> !(failure instanceof ProblemException))
                        .recoverWithUni(failure -> fail(tenantId, podcastId, reason(podcastId, failure))));
    }

    private static String reason(UUID podcastId, Throwable failure) {
        if (failure instanceof FeedFetchException) {
            return failure.getMessage();
        }
        LOG.errorf(failure, "storing the feed of podcast %s failed", podcastId);
        return "the feed could not be stored (" + failure.getClass().getSimpleName() + ")";
    }

    private Uni<ParsedFeed> parse(FetchedFeed fetched) {
        return Uni.createFrom().item(() -> FeedParser.parse(fetched.body()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<ImportOutcome> store(UUID tenantId, UUID podcastId, ParsedFeed feed, FetchedFeed fetched, long started) {
        List<List<ParsedEpisode>> chunks = new ArrayList<>();
        for (int from = 0; from < feed.episodes().size(); from += CHUNK) {
            chunks.add(feed.episodes().subList(from, Math.min(feed.episodes().size(), from + CHUNK)));
        }
        return transactions.inTenant(tenantId, tx -> podcasts.recordImport(tx, podcastId, feed, fetched.etag(), fetched.lastModified())
                .flatMap(imported -> {
                    if (imported.isEmpty()) {
                        throw ProblemException.notFound("podcast", podcastId);
                    }
                    Uni<Void> show = imported.get().changed() ? podcastEvents.publish(tx, imported.get().podcast()) : Uni.createFrom().voidItem();
                    return show.flatMap(ignored -> io.smallrye.mutiny.Multi.createFrom().iterable(chunks)
                                    .onItem().transformToUniAndConcatenate(chunk -> episodes.upsertFromFeed(tx, tenantId, podcastId, chunk)
                                            .call(changed -> episodeEvents.publishAll(tx, changed))
                                            .map(List::size))
                                    .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue)))
                            .map(changed -> {
                                LOG.infof("imported feed of podcast %s (%d bytes) in %d ms: %d episodes created or changed, "
                                        + "%d unchanged, %d skipped", podcastId, fetched.body().length,
                                        (System.nanoTime() - started) / 1_000_000, changed, feed.episodes().size() - changed,
                                        feed.skipped());
                                return new ImportOutcome(imported.get().podcast(), changed, feed.episodes().size() - changed,
                                        feed.skipped(), false, null);
                            });
                }));
    }

    private Uni<ImportOutcome> notModified(UUID tenantId, UUID podcastId) {
        return transactions.inTenant(tenantId, tx -> podcasts.recordNotModified(tx, podcastId))
                .map(podcast -> new ImportOutcome(podcast.orElseThrow(() -> ProblemException.notFound("podcast", podcastId)),
                        0, 0, 0, true, null));
    }

    private Uni<ImportOutcome> fail(UUID tenantId, UUID podcastId, String error) {
        LOG.infof("import of podcast %s failed: %s", podcastId, error);
        return transactions.inTenant(tenantId, tx -> podcasts.recordFailure(tx, podcastId, error))
                .map(podcast -> new ImportOutcome(podcast.orElseThrow(() -> ProblemException.notFound("podcast", podcastId)),
                        0, 0, 0, false, error));
    }
}
