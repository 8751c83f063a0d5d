package io.podcastplatform.identity.audit.rest;

import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.podcastplatform.identity.audit.service.AuditEntry;
import io.podcastplatform.identity.audit.service.AuditTrail;
import io.podcastplatform.identity.audit.service.SecurityEvent;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.caller.CallerAttributes;
import io.podcastplatform.web.request.RequestIds;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes an audit entry for every mutating request and a security event for every 401 and 403, before the
 * response leaves, so an answered change always has its entry. A failure to write is logged and does not
 * turn the caller's answer into an error.
 */
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);
    private static final List<String> READ_METHODS = List.of("GET", "HEAD", "OPTIONS");
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;

    public AuditRecorder(AuditTrail trail, CurrentIdentityAssociation identities) {
        this.trail = trail;
        this.identities = identities;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, RoutingContext context) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        int status = response.getStatus();
        boolean mutating = !READ_METHODS.contains(method);
        boolean refused = status == 401 || status == 403;
        if (!mutating && !refused) {
            return Uni.createFrom().voidItem();
        }
        String path = context.normalizedPath();
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .flatMap(identity -> {
                    Caller caller = identity == null || identity.isAnonymous() ? null : identity.getAttribute(CallerAttributes.CALLER);
                    Target target = Target.of(method, path, response);
                    Uni<Void> audit = mutating ? trail.record(audit(caller, target, method, path, status, context)) : Uni.createFrom().voidItem();
                    Uni<Void> security = refused ? trail.record(securityEvent(caller, identity, method, path, status, context)) : Uni.createFrom().voidItem();
                    return audit.call(() -> security);
                })
                .onFailure().invoke(failure -> LOG.errorf("could not record the audit of %s %s: %s", method, path, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static AuditEntry audit(Caller caller, Target target, String method, String path, int status, RoutingContext context) {
        UUID tenant = caller == null ? null : caller.tenantId();
        if (tenant == null && "tenants".equals(target.resourceType()) && target.resourceId() != null && UUID_SHAPE.matcher(target.resourceId()).matches()) {
            tenant = UUID.fromString(target.resourceId());
        }
        return new AuditEntry(UUID.randomUUID(), tenant, OffsetDateTime.now(),
                caller == null ? null : caller.subject(), caller == null ? "anonymous" : caller.kind().name().toLowerCase(Locale.ROOT),
                target.action(), target.resourceType(), target.resourceId(), RequestIds.current(context), method, path, status,
                status < 400, clientAddress(context), truncate(context.request().getHeader("User-Agent")));
    }

    private static SecurityEvent securityEvent(Caller caller, SecurityIdentity identity, String method, String path, int status, RoutingContext context) {
        boolean denied = status == 403;
        String credential = presentedKeyPrefix(context);
        String description = denied
                ? "access denied to " + method + " " + path
                : "credentials refused or missing for " + method + " " + path;
        return new SecurityEvent(UUID.randomUUID(), caller == null ? null : caller.tenantId(), OffsetDateTime.now(),
                denied ? "access_denied" : "authentication_failed", denied ? "low" : "medium",
                caller == null ? (identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName()) : caller.subject(),
                credential, description, RequestIds.current(context), method, path, clientAddress(context),
                truncate(context.request().getHeader("User-Agent")));
    }

    /** The display prefix of a presented API key, so a refused key can be recognised without storing it. */
    private static String presentedKeyPrefix(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        String candidate = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : context.request().getHeader("X-Write-Key");
        return candidate != null && candidate.length() > 3 && (candidate.startsWith("pk_") || candidate.startsWith("sk_"))
                ? ApiKeySecrets.displayPrefix(candidate) : null;
    }

    private static String clientAddress(RoutingContext context) {
        return context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 512 ? value : value.substring(0, 512);
    }

    /** What a request acted on, read from the path: {@code /v1/<type>/<id>[/<verb>]}. */
    record Target(String resourceType, String resourceId, String action) {

        static Target of(String method, String path, ContainerResponseContext response) {
            String[] segments = path.replaceFirst("^/", "").split("/");
            String type = segments.length > 1 ? segments[1] : segments[0];
            String id = segments.length > 2 ? segments[2] : createdId(response);
            String verb = segments.length > 3 ? segments[3] : switch (method) {
                case "POST" -> "create";
                case "PUT", "PATCH" -> "update";
                case "DELETE" -> "delete";
                default -> method.toLowerCase(Locale.ROOT);
            };
            return new Target(type, id, type + "." + verb);
        }

        private static String createdId(ContainerResponseContext response) {
            Object location = response.getHeaders().getFirst("Location");
            if (location == null) {
                return null;
            }
            String text = location.toString();
            return text.substring(text.lastIndexOf('/') + 1);
        }
    }
}
