package io.podcastplatform.catalog.template.service;

import io.podcastplatform.catalog.template.repository.TemplateRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Templates of a tenant. */
@ApplicationScoped
public class TemplateCatalog {

    private final TenantTransactions transactions;
    private final TemplateRepository templates;

    public TemplateCatalog(TenantTransactions transactions, TemplateRepository templates) {
        this.transactions = transactions;
        this.templates = templates;
    }

    public Uni<Template> create(SqlClient tx, Template draft) {
        return templates.insert(tx, draft).onFailure(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(failure -> ProblemException.conflict("the slug " + draft.slug() + " is already used by a template"));
    }

    public Uni<Template> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> templates.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("template", id)));
    }

    public Uni<List<Template>> page(UUID tenantId, String toolId, String category, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> templates.page(tx, toolId, category, beforeAt, beforeId, limit));
    }

    public Uni<Template> use(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> templates.use(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("template", id)));
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> templates.softDelete(tx, id)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("template", id);
            }
            return null;
        });
    }
}
