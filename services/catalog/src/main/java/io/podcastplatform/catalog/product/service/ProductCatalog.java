package io.podcastplatform.catalog.product.service;

import io.podcastplatform.catalog.product.repository.ProductRepository;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Affiliate products of a tenant; a CSV import is one transaction: every row or none. */
@ApplicationScoped
public class ProductCatalog {

    private final TenantTransactions transactions;
    private final ProductRepository products;

    public ProductCatalog(TenantTransactions transactions, ProductRepository products) {
        this.transactions = transactions;
        this.products = products;
    }

    public Uni<Product> create(SqlClient tx, UUID tenantId, ProductRow row) {
        return products.insert(tx, tenantId, row).map(created -> created.orElseThrow(() -> ProblemException.conflict(
                "a product with clickbank_id " + row.clickbankId() + " exists already; import a CSV to refresh it")));
    }

    public Uni<ProductRepository.Upserted> importCsv(UUID tenantId, String csv) {
        ProductCsv.Result read = ProductCsv.read(csv);
        if (!read.errors().isEmpty()) {
            throw new ProblemException(400, "Invalid CSV", read.errors().size() + " problem(s) in the file; nothing was imported",
                    read.errors());
        }
        if (read.rows().isEmpty()) {
            throw ProblemException.badRequest("body", "has a header but no product rows");
        }
        return transactions.inTenant(tenantId, tx -> products.upsert(tx, tenantId, read.rows()));
    }

    public Uni<Product> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> products.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("product", id)));
    }

    public Uni<List<Product>> page(UUID tenantId, String category, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> products.page(tx, category, beforeAt, beforeId, limit));
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> products.softDelete(tx, id)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("product", id);
            }
            return null;
        });
    }
}
