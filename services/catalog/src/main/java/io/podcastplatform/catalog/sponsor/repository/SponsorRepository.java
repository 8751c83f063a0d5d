package io.podcastplatform.catalog.sponsor.repository;

import io.podcastplatform.catalog.sponsor.service.Sponsor;
import io.podcastplatform.catalog.sponsor.service.SponsorFields;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL of {@code sponsor}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class SponsorRepository {

    private static final String COLUMNS = "id, tenant_id, created_by, name, company, email, contact_name, website_url, logo_url, "
            + "industry, version, created_at, updated_at, deleted_at";

    public Uni<Sponsor> insert(SqlClient tx, UUID tenantId, String createdBy, SponsorFields fields) {
        return tx.preparedQuery("""
                        INSERT INTO sponsor (id, tenant_id, created_by, name, company, email, contact_name, website_url, logo_url, industry)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(tenantId).addString(createdBy).addString(fields.name())
                        .addString(fields.company()).addString(fields.email()).addString(fields.contactName())
                        .addString(fields.websiteUrl()).addString(fields.logoUrl()).addString(fields.industry()))
                .map(rows -> toSponsor(rows.iterator().next()));
    }

    public Uni<Optional<Sponsor>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM sponsor WHERE id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(id)).map(SponsorRepository::optional);
    }

    /** Which of {@code ids} are live sponsors of the transaction's tenant. */
    public Uni<Set<UUID>> existing(SqlClient tx, Set<UUID> ids) {
        return tx.preparedQuery("SELECT id FROM sponsor WHERE id = ANY($1) AND deleted_at IS NULL")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> found = new java.util.HashSet<>();
                    rows.forEach(row -> found.add(row.getUUID("id")));
                    return found;
                });
    }

    public Uni<List<Sponsor>> page(SqlClient tx, OffsetDateTime beforeCreatedAt, UUID beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM sponsor WHERE deleted_at IS NULL"
                + (beforeCreatedAt == null ? "" : " AND (created_at, id) < ($2, $3)")
                + " ORDER BY created_at DESC, id DESC LIMIT $1";
        Tuple parameters = beforeCreatedAt == null ? Tuple.of(limit) : Tuple.of(limit, beforeCreatedAt, beforeId);
        return tx.preparedQuery(sql).execute(parameters).map(rows -> {
            List<Sponsor> sponsors = new ArrayList<>();
            rows.forEach(row -> sponsors.add(toSponsor(row)));
            return sponsors;
        });
    }

    public Uni<Optional<Sponsor>> update(SqlClient tx, UUID id, SponsorFields changes) {
        return tx.preparedQuery("""
                        UPDATE sponsor SET name = COALESCE($2, name), company = COALESCE($3, company), email = COALESCE($4, email),
                            contact_name = COALESCE($5, contact_name), website_url = COALESCE($6, website_url),
                            logo_url = COALESCE($7, logo_url), industry = COALESCE($8, industry),
                            version = version + 1, updated_at = now()
                        WHERE id = $1 AND deleted_at IS NULL RETURNING\s""" + COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addString(changes.name()).addString(changes.company())
                        .addString(changes.email()).addString(changes.contactName()).addString(changes.websiteUrl())
                        .addString(changes.logoUrl()).addString(changes.industry()))
                .map(SponsorRepository::optional);
    }

    public Uni<Optional<Sponsor>> softDelete(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE sponsor SET deleted_at = now(), updated_at = now(), version = version + 1 "
                        + "WHERE id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(id)).map(SponsorRepository::optional);
    }

    private static Optional<Sponsor> optional(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toSponsor(rows.iterator().next()));
    }

    private static Sponsor toSponsor(Row row) {
        return new Sponsor(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("created_by"), row.getString("name"),
                row.getString("company"), row.getString("email"), row.getString("contact_name"), row.getString("website_url"),
                row.getString("logo_url"), row.getString("industry"), row.getLong("version"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), row.getOffsetDateTime("deleted_at"));
    }
}
