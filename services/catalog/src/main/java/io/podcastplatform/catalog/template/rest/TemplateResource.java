package io.podcastplatform.catalog.template.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.podcastplatform.catalog.idempotency.IdempotentCreates;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.catalog.template.service.Template;
import io.podcastplatform.catalog.template.service.TemplateCatalog;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.web.problem.ProblemException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Reusable preset inputs of the platform's tools")
public class TemplateResource {

    private final TemplateCatalog catalog;
    private final IdempotentCreates creates;
    private final Callers callers;

    public TemplateResource(TemplateCatalog catalog, IdempotentCreates creates, Callers callers) {
        this.catalog = catalog;
        this.creates = creates;
        this.callers = callers;
    }

    /** Body of {@code POST /v1/templates}. */
    public record TemplateRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens") String slug,
            @Size(max = 5000) String description,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*", message = "must be a tool id such as show-notes") String toolId,
            JsonNode presetInputs,
            @Size(max = 100) String category,
            @Size(max = 30) List<@NotBlank @Size(max = 50) String> tags,
            Boolean isPublic) {
    }

    /** A template as the API shows it. */
    public record TemplateView(UUID id, String name, String slug, String description, String toolId, JsonNode presetInputs,
                               String category, List<String> tags, boolean isPublic, int useCount, OffsetDateTime createdAt) {

        static TemplateView of(Template t) {
            return new TemplateView(t.id(), t.name(), t.slug(), t.description(), t.toolId(),
                    EventJson.tree(t.presetInputs().getBytes(StandardCharsets.UTF_8)), t.category(), t.tags(), t.isPublic(),
                    t.useCount(), t.createdAt());
        }
    }

    @POST
    @PermissionsAllowed("template:create")
    public Uni<Response> create(@Valid @NotNull TemplateRequest r, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey) {
        if (r.presetInputs() != null && !r.presetInputs().isObject() && !r.presetInputs().isNull()) {
            throw ProblemException.badRequest("presetInputs", "must be a JSON object");
        }
        UUID tenant = callers.tenant();
        String slug = r.slug() != null ? r.slug() : r.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        Template draft = new Template(UUID.randomUUID(), tenant, callers.current().subject(), r.name().strip(),
                slug.isEmpty() ? "template-" + UUID.randomUUID().toString().substring(0, 8) : slug, r.description(), r.toolId(),
                r.presetInputs() == null || r.presetInputs().isNull() ? "{}"
                        : new String(EventJson.write(r.presetInputs()), StandardCharsets.UTF_8),
                r.category(), r.tags() == null ? List.of() : r.tags(), Boolean.TRUE.equals(r.isPublic()), 0, null, null);
        return creates.create(tenant, idempotencyKey, "POST /v1/templates", r, tx -> catalog.create(tx, draft)
                .map(template -> new IdempotentCreates.Created("/v1/templates/" + template.id(), TemplateView.of(template))));
    }

    @GET
    @PermissionsAllowed("template:read")
    public Uni<Page<TemplateView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                        @QueryParam("cursor") String cursor, @QueryParam("toolId") String toolId,
                                        @QueryParam("category") String category) {
        TimeCursor after = TimeCursor.parse(cursor);
        return catalog.page(callers.tenant(), toolId, category, after == null ? null : after.at(), after == null ? null : after.id(),
                        limit + 1)
                .map(found -> {
                    List<Template> page = found.size() > limit ? found.subList(0, limit) : found;
                    Template last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > limit ? new TimeCursor(last.createdAt(), last.id()).encode() : null;
                    return new Page<>(page.stream().map(TemplateView::of).toList(), next);
                });
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed("template:read")
    public Uni<TemplateView> get(@PathParam("id") UUID id) {
        return catalog.find(callers.tenant(), id).map(TemplateView::of);
    }

    @POST
    @Path("/{id}/uses")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed("template:execute")
    @Operation(summary = "Use a template: counts the use and answers its preset inputs")
    public Uni<TemplateView> use(@PathParam("id") UUID id) {
        return catalog.use(callers.tenant(), id).map(TemplateView::of);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed("template:delete")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return catalog.delete(callers.tenant(), id).map(deleted -> Response.noContent().build());
    }
}
