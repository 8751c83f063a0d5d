package io.podcastplatform.catalog.offering.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.idempotency.IdempotentCreates;
import io.podcastplatform.catalog.offering.service.Offering;
import io.podcastplatform.catalog.offering.service.OfferingCatalog;
import io.podcastplatform.catalog.offering.service.OfferingResourceItem;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/offerings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Offerings", description = "Events, programs, recurring sessions, cohort courses and retreats, with their resources")
public class OfferingResource {

    private final OfferingCatalog catalog;
    private final IdempotentCreates creates;
    private final Callers callers;

    public OfferingResource(OfferingCatalog catalog, IdempotentCreates creates, Callers callers) {
        this.catalog = catalog;
        this.creates = creates;
        this.callers = callers;
    }

    /** An offering as the API shows it. */
    public record OfferingView(UUID id, String title, String slug, String description, String offeringType, String capacityType,
                               Integer maxParticipants, String deliveryMethod, String locationDetails, String videoConferenceProvider,
                               JsonNode schedule, BigDecimal price, Integer creditCost, JsonNode paymentOptions, String status,
                               OffsetDateTime publishedAt, OffsetDateTime registrationDeadline, JsonNode portalConfig,
                               int bookingCount, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static OfferingView of(Offering o) {
            return new OfferingView(o.id(), o.title(), o.slug(), o.description(), o.offeringType(), o.capacityType(),
                    o.maxParticipants(), o.deliveryMethod(), o.locationDetails(), o.videoConferenceProvider(), tree(o.schedule()),
                    o.price(), o.creditCost(), tree(o.paymentOptions()), o.status(), o.publishedAt(), o.registrationDeadline(),
                    tree(o.portalConfig()), o.bookingCount(), o.version(), o.createdAt(), o.updatedAt());
        }
    }

    @POST
    @PermissionsAllowed("offering:create")
    @Operation(summary = "Create an offering; its schedule is checked against the shape its type needs")
    public Uni<Response> create(@Valid @NotNull OfferingRequest request, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        for (String[] required : new String[][] {{"title", request.title()}, {"offeringType", request.offeringType()},
                {"capacityType", request.capacityType()}, {"deliveryMethod", request.deliveryMethod()}}) {
            if (required[1] == null) {
                throw ProblemException.badRequest(required[0], "is required");
            }
        }
        UUID tenant = callers.tenant();
        String slug = request.slug() != null ? request.slug()
                : request.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        Offering draft = new Offering(UUID.randomUUID(), tenant, callers.current().subject(), request.title().strip(),
                slug.isEmpty() ? "offering-" + UUID.randomUUID().toString().substring(0, 8) : slug, request.description(),
                request.offeringType(), request.capacityType(),
                "one_on_one".equals(request.capacityType()) && request.maxParticipants() == null ? Integer.valueOf(1) : request.maxParticipants(),
                request.deliveryMethod(), request.locationDetails(), request.videoConferenceProvider(), object("schedule", request.schedule(), true),
                request.price(), request.creditCost(), object("paymentOptions", request.paymentOptions(), false),
                Objects.requireNonNullElse(request.status(), "draft"), null, request.registrationDeadline(),
                object("portalConfig", request.portalConfig(), false), 0, 1, null, null);
        return creates.create(tenant, idempotencyKey, "POST /v1/offerings", request, tx -> catalog.create(tx, draft)
                .map(offering -> new IdempotentCreates.Created("/v1/offerings/" + offering.id(), OfferingView.of(offering))));
    }

    @GET
    @PermissionsAllowed("offering:read")
    public Uni<Page<OfferingView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                        @QueryParam("cursor") String cursor, @QueryParam("offeringType") String type) {
        TimeCursor after = TimeCursor.parse(cursor);
        return catalog.page(callers.tenant(), type, after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<Offering> page = found.size() > limit ? found.subList(0, limit) : found;
                    Offering last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(OfferingView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("offering:read")
    public Uni<OfferingView> get(@PathParam("id") UUID id) {
        return catalog.find(callers.tenant(), id).map(OfferingView::of);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("offering:update")
    public Uni<OfferingView> update(@PathParam("id") UUID id, @Valid @NotNull OfferingRequest p) {
        String schedule = p.schedule() == null ? null : object("schedule", p.schedule(), true);
        String payment = p.paymentOptions() == null ? null : object("paymentOptions", p.paymentOptions(), false);
        String portal = p.portalConfig() == null ? null : object("portalConfig", p.portalConfig(), false);
        return catalog.update(callers.tenant(), id, o -> new Offering(o.id(), o.tenantId(), o.creatorId(),
                        p.title() != null ? p.title().strip() : o.title(), or(p.slug(), o.slug()), or(p.description(), o.description()),
                        or(p.offeringType(), o.offeringType()), or(p.capacityType(), o.capacityType()),
                        or(p.maxParticipants(), o.maxParticipants()), or(p.deliveryMethod(), o.deliveryMethod()),
                        or(p.locationDetails(), o.locationDetails()), or(p.videoConferenceProvider(), o.videoConferenceProvider()),
                        or(schedule, o.schedule()), or(p.price(), o.price()), or(p.creditCost(), o.creditCost()),
                        or(payment, o.paymentOptions()), or(p.status(), o.status()), o.publishedAt(),
                        or(p.registrationDeadline(), o.registrationDeadline()), or(portal, o.portalConfig()), o.bookingCount(),
                        o.version(), o.createdAt(), o.updatedAt()))
                .map(OfferingView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("offering:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/resources")
    @PermissionsAllowed("offering:update")
    public Uni<Response> addResource(@PathParam("id") UUID id, @Valid @NotNull ResourceRequest r) {
        OfferingResourceItem item = new OfferingResourceItem(UUID.randomUUID(), id, r.resourceType(), r.contentId(), r.fileUrl(),
                r.linkUrl(), r.textContent(), r.title().strip(), r.description(), Objects.requireNonNullElse(r.availableWhen(), "during"),
                r.unlockAt(), Objects.requireNonNullElse(r.displayOrder(), 0), null);
        return catalog.addResource(callers.tenant(), item).map(created -> Response.status(201).entity(created).build());
    }

    @GET
    @Path("/{id}/resources")
    @PermissionsAllowed("offering:read")
    public Uni<List<OfferingResourceItem>> resources(@PathParam("id") UUID id) {
        return catalog.resources(callers.tenant(), id);
    }

    @DELETE
    @Path("/{id}/resources/{resourceId}")
    @PermissionsAllowed("offering:update")
    public Uni<Response> deleteResource(@PathParam("id") UUID id, @PathParam("resourceId") UUID resourceId) {
        return catalog.deleteResource(callers.tenant(), id, resourceId).map(deleted -> Response.noContent().build());
    }

    private static String object(String field, JsonNode value, boolean required) {
        if (value == null || value.isNull()) {
            if (required) {
                throw ProblemException.badRequest(field, "is required as a JSON object");
            }
            return "{}";
        }
        if (!value.isObject()) {
            throw ProblemException.badRequest(field, "must be a JSON object");
        }
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        return EventJson.tree(json.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T or(T changed, T current) {
        return changed != null ? changed : current;
    }
}
