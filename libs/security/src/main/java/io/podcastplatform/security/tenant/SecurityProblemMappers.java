package io.podcastplatform.security.tenant;

import io.podcastplatform.events.tenant.TenantStatus;
import io.podcastplatform.security.permission.PermissionChecker;
import io.podcastplatform.web.problem.ProblemResponses;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as RFC 9457 problems, saying what is missing without revealing what exists. */
public class SecurityProblemMappers {

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, RoutingContext request) {
        return unauthorized("the token or API key is invalid, expired or revoked", request);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, RoutingContext request) {
        return unauthorized("the token or API key is invalid, expired or revoked", request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, RoutingContext request) {
        return unauthorized("this call needs a Keycloak bearer token or an API key", request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, RoutingContext request) {
        return ProblemResponses.of(403, "Forbidden", forbiddenDetail(), List.of(), request);
    }

    private String forbiddenDetail() {
        PermissionChecker permissions = identity == null ? null : identity.getAttribute(CallerIdentities.PERMISSIONS);
        TenantStatus status = permissions == null ? null : permissions.tenantStatus();
        if (status != null && status != TenantStatus.ACTIVE) {
            return "the tenant is " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + (status == TenantStatus.SUSPENDED ? ": it may read but not change anything" : ": it may not use the platform");
        }
        return "the caller's roles or key scopes do not allow this action";
    }

    private static Response unauthorized(String detail, RoutingContext request) {
        return Response.fromResponse(ProblemResponses.of(401, "Unauthorized", detail, List.of(), request))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
