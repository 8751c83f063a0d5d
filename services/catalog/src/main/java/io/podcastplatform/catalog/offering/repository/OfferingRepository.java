package io.podcastplatform.catalog.offering.repository;

import io.podcastplatform.catalog.offering.service.Offering;
import io.podcastplatform.catalog.offering.service.OfferingResourceItem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code offering} and {@code offering_resource}; row-level security limits every statement to the transaction's tenant. */
@ApplicationScoped
public class OfferingRepository {

    private static final String COLUMNS = "id, tenant_id, creator_id, title, slug, description, offering_type, capacity_type, "
            + "max_participants, delivery_method, location_details, video_conference_provider, schedule::text AS schedule, price, "
            + "credit_cost, payment_options::text AS payment_options, status, published_at, registration_deadline, "
            + "portal_config::text AS portal_config, booking_count, version, created_at, updated_at";
    private static final String RESOURCE = "id, offering_id, resource_type, content_id, file_url, link_url, text_content, title, "
            + "description, available_when, unlock_at, display_order, created_at";

    /** Inserts, or replaces the editable fields of the stored row (the service merged them). */
    public Uni<Offering> save(SqlClient tx, Offering o, boolean create) {
        String sql = create ? """
                INSERT INTO offering (id, tenant_id, creator_id, title, slug, description, offering_type, capacity_type,
                    max_participants, delivery_method, location_details, video_conference_provider, schedule, price, credit_cost,
                    payment_options, status, registration_deadline, portal_config, published_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb, $14, $15, $16::text::jsonb, $17, $18,
                    $19::text::jsonb, CASE WHEN $17 = 'published' THEN now() END)
                RETURNING\s""" + COLUMNS : """
                UPDATE offering SET title = $4, slug = $5, description = $6, offering_type = $7, capacity_type = $8,
                    max_participants = $9, delivery_method = $10, location_details = $11, video_conference_provider = $12,
                    schedule = $13::text::jsonb, price = $14, credit_cost = $15, payment_options = $16::text::jsonb, status = $17,
                    registration_deadline = $18, portal_config = $19::text::jsonb,
                    published_at = CASE WHEN $17 = 'published' THEN COALESCE(published_at, now()) ELSE published_at END,
                    version = version + 1, updated_at = now()
                WHERE id = $1 AND tenant_id = $2 AND $3::text IS NOT NULL AND deleted_at IS NULL
                RETURNING\s""" + COLUMNS;
        Tuple row = Tuple.tuple().addUUID(o.id()).addUUID(o.tenantId()).addString(o.creatorId()).addString(o.title())
                .addString(o.slug()).addString(o.description()).addString(o.offeringType()).addString(o.capacityType())
                .addInteger(o.maxParticipants()).addString(o.deliveryMethod()).addString(o.locationDetails())
                .addString(o.videoConferenceProvider()).addString(o.schedule()).addValue(o.price()).addInteger(o.creditCost())
                .addString(o.paymentOptions()).addString(o.status()).addOffsetDateTime(o.registrationDeadline())
                .addString(o.portalConfig());
        return tx.preparedQuery(sql).execute(row).map(rows -> toOffering(rows.iterator().next()));
    }

    public Uni<Optional<Offering>> find(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM offering WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toOffering(rows.iterator().next())));
    }

    public Uni<List<Offering>> page(SqlClient tx, String type, OffsetDateTime beforeAt, UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM offering WHERE deleted_at IS NULL");
        Tuple parameters = Tuple.of(limit);
        if (type != null) {
            parameters.addString(type);
            sql.append(" AND offering_type = $").append(parameters.size());
        }
        if (beforeAt != null) {
            parameters.addOffsetDateTime(beforeAt).addUUID(beforeId);
            sql.append(" AND (created_at, id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(")");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT $1");
        return tx.preparedQuery(sql.toString()).execute(parameters).map(rows -> {
            List<Offering> found = new ArrayList<>();
            rows.forEach(r -> found.add(toOffering(r)));
            return found;
        });
    }

    public Uni<Boolean> softDelete(SqlClient tx, UUID id) {
        return tx.preparedQuery("UPDATE offering SET deleted_at = now(), updated_at = now(), version = version + 1 "
                + "WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<OfferingResourceItem> insertResource(SqlClient tx, UUID tenantId, OfferingResourceItem r) {
        return tx.preparedQuery("""
                        INSERT INTO offering_resource (id, tenant_id, offering_id, resource_type, content_id, file_url, link_url,
                            text_content, title, description, available_when, unlock_at, display_order)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING\s""" + RESOURCE)
                .execute(Tuple.tuple().addUUID(r.id()).addUUID(tenantId).addUUID(r.offeringId()).addString(r.resourceType())
                        .addUUID(r.contentId()).addString(r.fileUrl()).addString(r.linkUrl()).addString(r.textContent())
                        .addString(r.title()).addString(r.description()).addString(r.availableWhen())
                        .addOffsetDateTime(r.unlockAt()).addInteger(r.displayOrder()))
                .map(rows -> toResource(rows.iterator().next()));
    }

    public Uni<List<OfferingResourceItem>> resources(SqlClient tx, UUID offeringId) {
        return tx.preparedQuery("SELECT " + RESOURCE + " FROM offering_resource WHERE offering_id = $1 "
                        + "ORDER BY display_order, created_at, id").execute(Tuple.of(offeringId))
                .map(rows -> {
                    List<OfferingResourceItem> found = new ArrayList<>();
                    rows.forEach(row -> found.add(toResource(row)));
                    return found;
                });
    }

    public Uni<Boolean> deleteResource(SqlClient tx, UUID offeringId, UUID resourceId) {
        return tx.preparedQuery("DELETE FROM offering_resource WHERE id = $1 AND offering_id = $2")
                .execute(Tuple.of(resourceId, offeringId)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> contentExists(SqlClient tx, UUID contentId) {
        return tx.preparedQuery("SELECT 1 FROM content WHERE id = $1 AND deleted_at IS NULL").execute(Tuple.of(contentId))
                .map(rows -> rows.size() == 1);
    }

    private static Offering toOffering(Row r) {
        return new Offering(r.getUUID("id"), r.getUUID("tenant_id"), r.getString("creator_id"), r.getString("title"),
                r.getString("slug"), r.getString("description"), r.getString("offering_type"), r.getString("capacity_type"),
                r.getInteger("max_participants"), r.getString("delivery_method"), r.getString("location_details"),
                r.getString("video_conference_provider"), r.getString("schedule"), r.getBigDecimal("price"),
                r.getInteger("credit_cost"), r.getString("payment_options"), r.getString("status"),
                r.getOffsetDateTime("published_at"), r.getOffsetDateTime("registration_deadline"), r.getString("portal_config"),
                r.getInteger("booking_count"), r.getLong("version"), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("updated_at"));
    }

    private static OfferingResourceItem toResource(Row r) {
        return new OfferingResourceItem(r.getUUID("id"), r.getUUID("offering_id"), r.getString("resource_type"),
                r.getUUID("content_id"), r.getString("file_url"), r.getString("link_url"), r.getString("text_content"),
                r.getString("title"), r.getString("description"), r.getString("available_when"), r.getOffsetDateTime("unlock_at"),
                r.getInteger("display_order"), r.getOffsetDateTime("created_at"));
    }
}
