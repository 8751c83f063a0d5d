package io.podcastplatform.catalog.product.repository;

import io.podcastplatform.catalog.product.service.Product;
import io.podcastplatform.catalog.product.service.ProductRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** SQL of {@code product}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class ProductRepository {

    private static final String COLUMNS = "id, tenant_id, clickbank_id, title, vendor, category, description, commission_rate, "
            + "commission_amount, initial_sale_amount, gravity, refund_rate, rebill, popularity_rank, version, last_updated, created_at";

    /** Counts of an import. */
    public record Upserted(int inserted, int updated) {
    }

    /** Inserts new products and refreshes known ones (reviving deleted ones), in one statement. */
    public Uni<Upserted> upsert(SqlClient tx, UUID tenantId, List<ProductRow> rows) {
        Tuple parameters = Tuple.tuple().addUUID(tenantId)
                .addArrayOfUUID(rows.stream().map(row -> UUID.randomUUID()).toArray(UUID[]::new))
                .addArrayOfString(strings(rows, ProductRow::clickbankId)).addArrayOfString(strings(rows, ProductRow::title))
                .addArrayOfString(strings(rows, ProductRow::vendor)).addArrayOfString(strings(rows, ProductRow::category))
                .addArrayOfString(strings(rows, ProductRow::description))
                .addArrayOfString(decimals(rows, ProductRow::commissionRate)).addArrayOfString(decimals(rows, ProductRow::commissionAmount))
                .addArrayOfString(decimals(rows, ProductRow::initialSaleAmount)).addArrayOfString(decimals(rows, ProductRow::gravity))
                .addArrayOfString(decimals(rows, ProductRow::refundRate))
                .addArrayOfBoolean(rows.stream().map(ProductRow::rebill).toArray(Boolean[]::new))
                .addArrayOfInteger(rows.stream().map(ProductRow::popularityRank).toArray(Integer[]::new));
        return tx.preparedQuery("""
                        INSERT INTO product AS p (id, tenant_id, clickbank_id, title, vendor, category, description, commission_rate,
                            commission_amount, initial_sale_amount, gravity, refund_rate, rebill, popularity_rank)
                        SELECT u.id, $1, u.clickbank_id, u.title, u.vendor, u.category, u.description, u.commission_rate::numeric,
                            u.commission_amount::numeric, u.initial_sale_amount::numeric, u.gravity::numeric, u.refund_rate::numeric,
                            u.rebill, u.popularity_rank
                        FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                            $10::text[], $11::text[], $12::text[], $13::bool[], $14::int4[])
                            AS u(id, clickbank_id, title, vendor, category, description, commission_rate, commission_amount,
                                 initial_sale_amount, gravity, refund_rate, rebill, popularity_rank)
                        ON CONFLICT (tenant_id, clickbank_id) DO UPDATE SET title = EXCLUDED.title, vendor = EXCLUDED.vendor,
                            category = EXCLUDED.category, description = EXCLUDED.description,
                            commission_rate = EXCLUDED.commission_rate, commission_amount = EXCLUDED.commission_amount,
                            initial_sale_amount = EXCLUDED.initial_sale_amount, gravity = EXCLUDED.gravity,
                            refund_rate = EXCLUDED.refund_rate, rebill = EXCLUDED.rebill, popularity_rank = EXCLUDED.popularity_rank,
                            deleted_at = NULL, last_updated = now(), updated_at = now(), version = p.version + 1
                        RETURNING (xmax = 0) AS inserted""")
                .execute(parameters)
                .map(result -> {
                    int inserted = 0;
                    for (Row row : result) {
                        inserted += row.getBoolean("inserted") ? 1 : 0;
                    }
                    return new Upserted(inserted, result.size() - inserted);
                });
    }

    public Uni<Optional<Product>> insert(SqlClient tx, UUID tenantId, ProductRow row) {
        return upsertOne(tx, tenantId, row);
    }

    private Uni<Optional<Product>> upsertOne(SqlClient tx, UUID tenantId, ProductRow row) {
        return tx.preparedQuery("""
                        INSERT INTO product (id, tenant_id, clickbank_id, title, vendor, category, description, commission_rate,
                            commission_amount, initial_sale_amount, gravity, refund_rate, rebill, popularity_rank)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                        ON CONFLICT (tenant_id, clickbank_id) DO NOTHING RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(tenantId).addString(row.clickbankId())
                        .addString(row.title()).addString(row.vendor()).addString(row.category()).addString(row.description())
                        .addValue(row.commissionRate()).addValue(row.commissionAmount()).addValue(row.initialSaleAmount())
                        .addValue(row.gravity()).addValue(row.refundRate()).addBoolean(row.rebill()).addInteger(row.popularityRank()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toProduct(rows.iterator().next())));
    }

    public Uni<Optional<Product>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM product WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toProduct(rows.iterator().next())));
    }

    public Uni<List<Product>> page(SqlClient tx, String category, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM product WHERE deleted_at IS NULL");
        Tuple parameters = Tuple.of(limit);
        if (category != null) {
            parameters.addString(category);
            sql.append(" AND category = $").append(parameters.size());
        }
        if (beforeAt != null) {
            parameters.addOffsetDateTime(beforeAt).addUUID(beforeId);
            sql.append(" AND (created_at, id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(")");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT $1");
        return tx.preparedQuery(sql.toString()).execute(parameters).map(rows -> {
            List<Product> found = new ArrayList<>();
            rows.forEach(row -> found.add(toProduct(row)));
            return found;
        });
    }

    public Uni<Boolean> softDelete(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE product SET deleted_at = now(), updated_at = now(), version = version + 1 "
                + "WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static String[] strings(List<ProductRow> rows, Function<ProductRow, String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }

    private static String[] decimals(List<ProductRow> rows, Function<ProductRow, BigDecimal> field) {
        return rows.stream().map(field).map(value -> value == null ? null : value.toPlainString()).toArray(String[]::new);
    }

    private static Product toProduct(Row row) {
        return new Product(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("clickbank_id"), row.getString("title"),
                row.getString("vendor"), row.getString("category"), row.getString("description"),
                row.getBigDecimal("commission_rate"), row.getBigDecimal("commission_amount"),
                row.getBigDecimal("initial_sale_amount"), row.getBigDecimal("gravity"), row.getBigDecimal("refund_rate"),
                row.getBoolean("rebill"), row.getInteger("popularity_rank"), row.getLong("version"),
                row.getOffsetDateTime("last_updated"), row.getOffsetDateTime("created_at"));
    }
}
