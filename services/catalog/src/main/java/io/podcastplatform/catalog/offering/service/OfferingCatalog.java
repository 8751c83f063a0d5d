package io.podcastplatform.catalog.offering.service;

import io.podcastplatform.catalog.offering.repository.OfferingRepository;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.Problem;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Offerings of a tenant and their resources; every stored offering passes {@link OfferingRules}. */
@ApplicationScoped
public class OfferingCatalog {

    private final TenantTransactions transactions;
    private final OfferingRepository offerings;

    public OfferingCatalog(TenantTransactions transactions, OfferingRepository offerings) {
        this.transactions = transactions;
        this.offerings = offerings;
    }

    public Uni<Offering> create(SqlClient tx, Offering draft) {
        check(draft);
        return offerings.save(tx, draft, true).onFailure().transform(OfferingCatalog::slugTaken);
    }

    public Uni<Offering> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> offerings.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("offering", id)));
    }

    public Uni<List<Offering>> page(UUID tenantId, String type, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> offerings.page(tx, type, beforeAt, beforeId, limit));
    }

    public Uni<Offering> update(UUID tenantId, UUID id, UnaryOperator<Offering> change) {
        return transactions.inTenant(tenantId, tx -> offerings.find(tx, id)
                        .map(found -> change.apply(found.orElseThrow(() -> ProblemException.notFound("offering", id))))
                        .invoke(OfferingCatalog::check)
                        .flatMap(merged -> offerings.save(tx, merged, false)))
                .onFailure().transform(OfferingCatalog::slugTaken);
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> offerings.softDelete(tx, id)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("offering", id);
            }
            return null;
        });
    }

    public Uni<OfferingResourceItem> addResource(UUID tenantId, OfferingResourceItem resource) {
        String field = switch (resource.resourceType()) {
            case "content" -> resource.contentId() == null ? "contentId" : null;
            case "file" -> resource.fileUrl() == null ? "fileUrl" : null;
            case "link" -> resource.linkUrl() == null ? "linkUrl" : null;
            default -> resource.textContent() == null || resource.textContent().isBlank() ? "textContent" : null;
        };
        if (field != null) {
            throw ProblemException.badRequest(field, "is required for a " + resource.resourceType() + " resource");
        }
        OfferingResourceItem only = new OfferingResourceItem(resource.id(), resource.offeringId(), resource.resourceType(),
                "content".equals(resource.resourceType()) ? resource.contentId() : null,
                "file".equals(resource.resourceType()) ? resource.fileUrl() : null,
                "link".equals(resource.resourceType()) ? resource.linkUrl() : null,
                "text".equals(resource.resourceType()) ? resource.textContent() : null, resource.title(), resource.description(),
                resource.availableWhen(), resource.unlockAt(), resource.displayOrder(), null);
        return transactions.inTenant(tenantId, tx -> offerings.find(tx, resource.offeringId())
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("offering", resource.offeringId())))
                // the foreign key alone would accept another tenant's content: look it up past row-level security
                .call(offering -> only.contentId() == null ? Uni.createFrom().voidItem() : offerings.contentExists(tx, only.contentId())
                        .invoke(exists -> {
                            if (!exists) {
                                throw ProblemException.badRequest("contentId", "is not content of this tenant");
                            }
                        }))
                .flatMap(offering -> offerings.insertResource(tx, tenantId, only)));
    }

    public Uni<List<OfferingResourceItem>> resources(UUID tenantId, UUID offeringId) {
        return transactions.inTenant(tenantId, tx -> offerings.find(tx, offeringId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("offering", offeringId)))
                .flatMap(offering -> offerings.resources(tx, offeringId)));
    }

    public Uni<Void> deleteResource(UUID tenantId, UUID offeringId, UUID resourceId) {
        return transactions.inTenant(tenantId, tx -> offerings.deleteResource(tx, offeringId, resourceId)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("offering resource", resourceId);
            }
            return null;
        });
    }

    private static void check(Offering offering) {
        List<Problem.FieldError> errors = OfferingRules.check(offering.offeringType(), offering.capacityType(),
                offering.maxParticipants(), offering.deliveryMethod(), offering.locationDetails(),
                EventJson.tree(offering.schedule().getBytes(StandardCharsets.UTF_8)));
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid offering", errors.size() + " problem(s) with the offering", errors);
        }
    }

    private static Throwable slugTaken(Throwable failure) {
        if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            return ProblemException.conflict("the slug is already used by another offering of this tenant");
        }
        return failure;
    }
}
