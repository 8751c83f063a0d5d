package io.podcastplatform.catalog.bonus.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.bonus.service.Bonus;
import io.podcastplatform.catalog.bonus.service.BonusCatalog;
import io.podcastplatform.catalog.idempotency.IdempotentCreates;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/bonuses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bonuses", description = "Bonuses delivered to buyers of an affiliate campaign")
public class BonusResource {

    private static final String URL = "https?://\\S+";

    private final BonusCatalog catalog;
    private final IdempotentCreates creates;
    private final Callers callers;

    public BonusResource(BonusCatalog catalog, IdempotentCreates creates, Callers callers) {
        this.catalog = catalog;
        this.creates = creates;
        this.callers = callers;
    }

    /** Body of {@code POST /v1/bonuses}, and of {@code PATCH} (campaign and metadata fixed) where absent fields stay. */
    public record BonusRequest(
            UUID campaignId,
            @Size(min = 1, max = 255) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            @Size(max = 5000) String description,
            @Size(max = 500) @Pattern(regexp = URL, message = "must be an http or https URL") String fileUrl,
            @Pattern(regexp = "email|download", message = "must be email or download") String deliveryMethod,
            Boolean active,
            JsonNode metadata) {
    }

    /** A bonus as the API shows it. */
    public record BonusView(UUID id, UUID campaignId, String name, String description, String fileUrl, String deliveryMethod,
                            boolean active, JsonNode metadata, int deliveredCount, OffsetDateTime lastDeliveredAt,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static BonusView of(Bonus b) {
            return new BonusView(b.id(), b.campaignId(), b.name(), b.description(), b.fileUrl(), b.deliveryMethod(), b.active(),
                    EventJson.tree(b.metadata().getBytes(StandardCharsets.UTF_8)), b.deliveredCount(), b.lastDeliveredAt(),
                    b.createdAt(), b.updatedAt());
        }
    }

    @POST
    @PermissionsAllowed("bonus:create")
    public Uni<Response> create(@Valid @NotNull BonusRequest r, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        if (r.campaignId() == null) {
            throw ProblemException.badRequest("campaignId", "is required");
        }
        if (r.name() == null) {
            throw ProblemException.badRequest("name", "must not be blank");
        }
        if (r.metadata() != null && !r.metadata().isObject() && !r.metadata().isNull()) {
            throw ProblemException.badRequest("metadata", "must be a JSON object");
        }
        UUID tenant = callers.tenant();
        Bonus draft = new Bonus(UUID.randomUUID(), tenant, r.campaignId(), r.name().strip(), r.description(), r.fileUrl(),
                Objects.requireNonNullElse(r.deliveryMethod(), "email"), !Boolean.FALSE.equals(r.active()),
                r.metadata() == null || r.metadata().isNull() ? "{}" : new String(EventJson.write(r.metadata()), StandardCharsets.UTF_8),
                0, null, null, null);
        return creates.create(tenant, idempotencyKey, "POST /v1/bonuses", r, tx -> catalog.create(tx, draft)
                .map(bonus -> new IdempotentCreates.Created("/v1/bonuses/" + bonus.id(), BonusView.of(bonus))));
    }

    @GET
    @PermissionsAllowed("bonus:read")
    public Uni<Page<BonusView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                     @QueryParam("cursor") String cursor, @QueryParam("campaignId") UUID campaignId) {
        TimeCursor after = TimeCursor.parse(cursor);
        return catalog.page(callers.tenant(), campaignId, after == null ? null : after.at(), after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    List<Bonus> page = found.size() > limit ? found.subList(0, limit) : found;
                    Bonus last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(BonusView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("bonus:read")
    public Uni<BonusView> get(@PathParam("id") UUID id) {
        return catalog.find(callers.tenant(), id).map(BonusView::of);
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("bonus:update")
    public Uni<BonusView> update(@PathParam("id") UUID id, @Valid @NotNull BonusRequest r) {
        if (r.campaignId() != null || r.metadata() != null) {
            throw ProblemException.badRequest(r.campaignId() != null ? "campaignId" : "metadata", "cannot be changed");
        }
        return catalog.update(callers.tenant(), id, r.name() == null ? null : r.name().strip(), r.description(), r.fileUrl(),
                r.deliveryMethod(), r.active()).map(BonusView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("bonus:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }
}
