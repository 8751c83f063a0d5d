package io.podcastplatform.catalog.content.service;

import io.podcastplatform.catalog.content.repository.ContentRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Content and series of a tenant. Edits merge into the stored row and the merged state is checked
 * (publishing needs its media or body; series and prerequisites must be the tenant's own) before it is written.
 */
@ApplicationScoped
public class ContentCatalog {

    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantTransactions transactions;
    private final ContentRepository repository;

    public ContentCatalog(TenantTransactions transactions, ContentRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    public Uni<Content> create(SqlClient tx, Content draft) {
        return checked(tx, draft).flatMap(valid -> repository.save(tx, valid, true)).onFailure().transform(ContentCatalog::slugTaken);
    }

    public Uni<Content> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> repository.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("content", id)));
    }

    public Uni<List<Content>> page(UUID tenantId, String type, String status, UUID seriesId, OffsetDateTime beforeAt, UUID beforeId,
                                   int limit) {
        return transactions.inTenant(tenantId, tx -> repository.page(tx, type, status, seriesId, beforeAt, beforeId, limit));
    }

    public Uni<Content> update(UUID tenantId, UUID id, UnaryOperator<Content> change) {
        return transactions.inTenant(tenantId, tx -> repository.find(tx, id)
                        .map(found -> change.apply(found.orElseThrow(() -> ProblemException.notFound("content", id))))
                        .flatMap(merged -> checked(tx, merged))
                        .flatMap(valid -> repository.save(tx, valid, false)))
                .onFailure().transform(ContentCatalog::slugTaken);
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> repository.softDeleteContent(tx, id)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("content", id);
            }
            return null;
        });
    }

    public Uni<Series> createSeries(SqlClient tx, Series draft) {
        return checkedSeries(tx, draft).flatMap(valid -> repository.saveSeries(tx, valid, true))
                .onFailure().transform(ContentCatalog::slugTaken);
    }

    public Uni<Series> findSeries(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> repository.findSeries(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("series", id)));
    }

    public Uni<List<Series>> seriesPage(UUID tenantId, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> repository.seriesPage(tx, beforeAt, beforeId, limit));
    }

    public Uni<Series> updateSeries(UUID tenantId, UUID id, UnaryOperator<Series> change) {
        return transactions.inTenant(tenantId, tx -> repository.findSeries(tx, id)
                        .map(found -> change.apply(found.orElseThrow(() -> ProblemException.notFound("series", id))))
                        .flatMap(merged -> checkedSeries(tx, merged))
                        .flatMap(valid -> repository.saveSeries(tx, valid, false)))
                .onFailure().transform(ContentCatalog::slugTaken);
    }

    public Uni<Void> deleteSeries(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> repository.softDeleteSeries(tx, id)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("series", id);
            }
            return null;
        });
    }

    private Uni<Content> checked(SqlClient tx, Content content) {
        String[] problem = content.unpublishable();
        if (problem != null) {
            throw ProblemException.badRequest(problem[0], problem[1]);
        }
        if (content.prerequisiteContentIds().contains(content.id())) {
            throw ProblemException.badRequest("prerequisiteContentIds", "must not name the content itself");
        }
        // a foreign key alone would accept another tenant's series: it is checked past row-level security
        Uni<Void> series = content.seriesId() == null ? Uni.createFrom().voidItem()
                : repository.findSeries(tx, content.seriesId()).map(found -> {
                    if (found.isEmpty()) {
                        throw ProblemException.badRequest("seriesId", "is not a series of this tenant");
                    }
                    return null;
                }).replaceWithVoid();
        List<UUID> prerequisites = content.prerequisiteContentIds().stream().distinct().toList();
        return series.flatMap(ignored -> prerequisites.isEmpty() ? Uni.createFrom().voidItem()
                        : repository.countContent(tx, prerequisites).map(count -> {
                            if (count != prerequisites.size()) {
                                throw ProblemException.badRequest("prerequisiteContentIds", "names content this tenant does not have");
                            }
                            return null;
                        }).replaceWithVoid())
                .replaceWith(content);
    }

    private Uni<Series> checkedSeries(SqlClient tx, Series series) {
        List<UUID> order = series.contentOrder();
        if (order.stream().distinct().count() != order.size()) {
            throw ProblemException.badRequest("contentOrder", "names a content item twice");
        }
        return order.isEmpty() ? Uni.createFrom().item(series) : repository.countContent(tx, order).map(count -> {
            if (count != order.size()) {
                throw ProblemException.badRequest("contentOrder", "names content this tenant does not have");
            }
            return series;
        });
    }

    private static Throwable slugTaken(Throwable failure) {
        if (failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return ProblemException.conflict("the slug is already used by another item of this tenant");
        }
        return failure;
    }
}
