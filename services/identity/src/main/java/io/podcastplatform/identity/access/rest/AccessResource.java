package io.podcastplatform.identity.access.rest;

import io.podcastplatform.identity.access.service.AccessControl;
import io.podcastplatform.identity.access.service.AccessPolicy;
import io.podcastplatform.identity.access.service.CustomRole;
import io.podcastplatform.identity.access.service.PolicyEvaluator;
import io.podcastplatform.security.caller.Callers;
import io.podcastplatform.security.permission.Action;
import io.podcastplatform.security.permission.SystemRoles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access control", description = "Roles (system and custom), their assignment, attribute-based policies and decisions")
public class AccessResource {

    private static final String RESOURCE = "^([a-z][a-z-]*|\\*)$";
    private static final String ACTION = "^(create|read|update|delete|execute|write|manage|\\*)$";

    private final AccessControl access;
    private final Callers callers;

    public AccessResource(AccessControl access, Callers callers) {
        this.access = access;
        this.callers = callers;
    }

    public record RoleView(UUID id, String name, String type, String description, List<String> permissions) {
    }

    public record NewRole(@NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{1,49}$", message = "lower-case letters, digits and hyphens") String name,
                          @Size(max = 500) String description,
                          @NotEmpty @Size(max = 100) List<@NotBlank String> permissions) {
    }

    public record RoleChange(@Size(max = 500) String description, @Size(min = 1, max = 100) List<@NotBlank String> permissions) {
    }

    public record NewPolicy(@NotBlank @Size(max = 200) String name,
                            @NotNull AccessPolicy.Effect effect,
                            @NotBlank @Pattern(regexp = RESOURCE, message = "a resource name or *") String resource,
                            @NotBlank @Pattern(regexp = ACTION, message = "an action or *") String action,
                            Map<String, Map<String, Object>> conditions,
                            @Min(-1000) @Max(1000) Integer priority,
                            Boolean logDecisions) {
    }

    public record PolicyChange(@NotNull Boolean enabled) {
    }

    public record Evaluation(UUID subjectId,
                             @NotBlank @Pattern(regexp = "^[a-z][a-z-]*$", message = "a resource name") String resource,
                             @NotBlank @Pattern(regexp = "^(create|read|update|delete|execute|write|manage)$", message = "an action") String action,
                             Map<String, Object> resourceAttributes,
                             Map<String, Object> requestAttributes,
                             Boolean log) {
    }

    @GET
    @Path("/roles")
    @PermissionsAllowed("role:read")
    @Operation(summary = "System roles with their grants, then the tenant's custom roles")
    public Uni<List<RoleView>> roles() {
        return access.roles(callers.tenant()).map(custom -> {
            List<RoleView> views = new ArrayList<>();
            for (String role : List.of(SystemRoles.OWNER, SystemRoles.ADMIN, SystemRoles.ANALYST, SystemRoles.VIEWER, SystemRoles.BILLING)) {
                views.add(new RoleView(null, role, "system", "", SystemRoles.grantsOf(List.of(role)).stream().map(Object::toString).sorted().toList()));
            }
            custom.forEach(role -> views.add(new RoleView(role.id(), role.name(), "custom", role.description(), role.permissions())));
            return views;
        });
    }

    @POST
    @Path("/roles")
    @PermissionsAllowed("role:create")
    public Uni<Response> createRole(@Valid @NotNull NewRole role) {
        return access.createRole(callers.tenant(), role.name(), role.description() == null ? "" : role.description(), role.permissions())
                .map(created -> Response.created(URI.create("/v1/roles/" + created.id())).entity(created).build());
    }

    @PATCH
    @Path("/roles/{id}")
    @PermissionsAllowed("role:update")
    public Uni<CustomRole> updateRole(@PathParam("id") UUID id, @Valid @NotNull RoleChange change) {
        return access.updateRole(callers.tenant(), id, change.description(), change.permissions());
    }

    @DELETE
    @Path("/roles/{id}")
    @PermissionsAllowed("role:delete")
    public Uni<Response> deleteRole(@PathParam("id") UUID id) {
        return access.deleteRole(callers.tenant(), id).map(done -> Response.noContent().build());
    }

    @GET
    @Path("/access-policies")
    @PermissionsAllowed("policy:read")
    public Uni<List<AccessPolicy>> policies() {
        return access.policies(callers.tenant());
    }

    @POST
    @Path("/access-policies")
    @PermissionsAllowed("policy:create")
    public Uni<Response> createPolicy(@Valid @NotNull NewPolicy policy) {
        AccessPolicy draft = new AccessPolicy(UUID.randomUUID(), policy.name().strip(), policy.effect(), policy.resource(), policy.action(),
                policy.conditions() == null ? Map.of() : policy.conditions(), policy.priority() == null ? 0 : policy.priority(), true,
                Boolean.TRUE.equals(policy.logDecisions()), null);
        return access.createPolicy(callers.tenant(), draft)
                .map(created -> Response.created(URI.create("/v1/access-policies/" + created.id())).entity(created).build());
    }

    @PATCH
    @Path("/access-policies/{id}")
    @PermissionsAllowed("policy:update")
    public Uni<AccessPolicy> changePolicy(@PathParam("id") UUID id, @Valid @NotNull PolicyChange change) {
        return access.setPolicyEnabled(callers.tenant(), id, change.enabled());
    }

    @DELETE
    @Path("/access-policies/{id}")
    @PermissionsAllowed("policy:delete")
    public Uni<Response> deletePolicy(@PathParam("id") UUID id) {
        return access.deletePolicy(callers.tenant(), id).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/access/evaluate")
    @Authenticated
    @Operation(summary = "Decide an access request from roles and policies (deny wins); anyone for themselves, policy readers for others")
    public Uni<PolicyEvaluator.Decision> evaluate(@Valid @NotNull Evaluation evaluation, @Context RoutingContext context) {
        UUID subject = evaluation.subjectId() == null ? UUID.fromString(callers.current().subject()) : evaluation.subjectId();
        Uni<Void> allowed = subject.toString().equals(callers.current().subject()) ? Uni.createFrom().voidItem() : callers.requirePermission("policy:read");
        String address = context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
        return allowed.flatMap(ok -> access.evaluate(callers.current(), callers.tenant(), subject, evaluation.resource(),
                Action.parse(evaluation.action()), evaluation.resourceAttributes() == null ? Map.of() : evaluation.resourceAttributes(),
                evaluation.requestAttributes() == null ? Map.of() : evaluation.requestAttributes(), address, Boolean.TRUE.equals(evaluation.log())));
    }

    @GET
    @Path("/access-logs")
    @PermissionsAllowed("audit:read")
    @Operation(summary = "Logged access decisions, newest first")
    public Uni<List<Map<String, Object>>> accessLog(@QueryParam("subjectId") String subjectId,
                                                    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return access.accessLog(callers.tenant(), subjectId, limit);
    }
}
