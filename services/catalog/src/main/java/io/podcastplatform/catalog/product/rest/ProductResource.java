package io.podcastplatform.catalog.product.rest;

import io.podcastplatform.catalog.idempotency.IdempotentCreates;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.catalog.product.service.Product;
import io.podcastplatform.catalog.product.service.ProductCatalog;
import io.podcastplatform.catalog.product.service.ProductRow;
import io.podcastplatform.security.caller.Callers;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Affiliate products", description = "Products with gravity, commission and refund figures; CSV import")
public class ProductResource {

    private final ProductCatalog catalog;
    private final IdempotentCreates creates;
    private final Callers callers;

    public ProductResource(ProductCatalog catalog, IdempotentCreates creates, Callers callers) {
        this.catalog = catalog;
        this.creates = creates;
        this.callers = callers;
    }

    /** A product as the API shows it. */
    public record ProductView(UUID id, String clickbankId, String title, String vendor, String category, String description,
                              BigDecimal commissionRate, BigDecimal commissionAmount, BigDecimal initialSaleAmount,
                              BigDecimal gravity, BigDecimal refundRate, boolean rebill, Integer popularityRank, long version,
                              OffsetDateTime lastUpdated, OffsetDateTime createdAt) {

        static ProductView of(Product p) {
            return new ProductView(p.id(), p.clickbankId(), p.title(), p.vendor(), p.category(), p.description(), p.commissionRate(),
                    p.commissionAmount(), p.initialSaleAmount(), p.gravity(), p.refundRate(), p.rebill(), p.popularityRank(),
                    p.version(), p.lastUpdated(), p.createdAt());
        }
    }

    @POST
    @PermissionsAllowed("product:create")
    public Uni<Response> create(@Valid @NotNull ProductRequest request, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        ProductRow row = new ProductRow(request.clickbankId().strip(), request.title().strip(), request.vendor().strip(),
                request.category(), request.description(), request.commissionRate(), request.commissionAmount(),
                request.initialSaleAmount(), request.gravity(), request.refundRate(), Boolean.TRUE.equals(request.rebill()),
                request.popularityRank());
        UUID tenant = callers.tenant();
        return creates.create(tenant, idempotencyKey, "POST /v1/products", request, tx -> catalog.create(tx, tenant, row)
                .map(product -> new IdempotentCreates.Created("/v1/products/" + product.id(), ProductView.of(product))));
    }

    @POST
    @Path("/import")
    // any declared type: the body is read as CSV (text/csv, text/plain or a client's default alike)
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed("product:create")
    @Operation(summary = "Import products from CSV (header: clickbank_id,title,vendor,category,description,commission_rate,"
            + "commission_amount,initial_sale_amount,gravity,refund_rate,rebill,popularity_rank); all rows or none")
    public Uni<Map<String, Integer>> importCsv(@NotNull @Size(max = 5 * 1024 * 1024) String csv) {
        return catalog.importCsv(callers.tenant(), csv)
                .map(done -> Map.of("created", done.inserted(), "updated", done.updated()));
    }

    @GET
    @PermissionsAllowed("product:read")
    public Uni<Page<ProductView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                       @QueryParam("cursor") String cursor, @QueryParam("category") String category) {
        TimeCursor after = TimeCursor.parse(cursor);
        return catalog.page(callers.tenant(), category, after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<Product> page = found.size() > limit ? found.subList(0, limit) : found;
                    Product last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(ProductView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("product:read")
    public Uni<ProductView> get(@PathParam("id") UUID id) {
        return catalog.find(callers.tenant(), id).map(ProductView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("product:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }
}
