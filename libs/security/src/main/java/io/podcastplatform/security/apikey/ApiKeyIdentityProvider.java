package io.podcastplatform.security.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.caller.CallerKind;
import io.podcastplatform.security.permission.Grant;
import io.podcastplatform.security.permission.PermissionChecker;
import io.podcastplatform.security.tenant.CallerIdentities;
import io.podcastplatform.security.tenant.TenantStatuses;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns a presented key into the caller of its tenant. Write keys may only send events; secret keys get
 * the scopes identity gave them (read-only when none were given).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ApiKeyIdentityProvider.class);
    private static final Set<Grant> WRITE_KEY_GRANTS = Set.of(Grant.parse("events:write"));
    private static final Set<Grant> DEFAULT_SECRET_KEY_GRANTS = Set.of(Grant.parse("*:read"));

    private final ApiKeyDirectory directory;
    private final TenantStatuses tenants;
    private final Event<ApiKeyUsed> used;
    private final Cache<UUID, Boolean> recentlyAnnounced = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    public ApiKeyIdentityProvider(ApiKeyDirectory directory, TenantStatuses tenants, Event<ApiKeyUsed> used) {
        this.directory = directory;
        this.tenants = tenants;
        this.used = used;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        String key = request.key();
        return directory.findByHash(ApiKeySecrets.hash(key)).flatMap(found -> {
            if (found.isEmpty() || !found.get().usableAt(OffsetDateTime.now())) {
                LOG.infof("refused API key %s: %s", ApiKeySecrets.displayPrefix(key), found.isEmpty() ? "unknown" : "revoked or expired");
                return Uni.createFrom().failure(new AuthenticationFailedException("the API key is unknown, revoked or expired"));
            }
            ApiKeyEntry entry = found.get();
            if (recentlyAnnounced.asMap().putIfAbsent(entry.keyId(), Boolean.TRUE) == null) {
                used.fireAsync(new ApiKeyUsed(entry.keyId(), entry.tenantId(), OffsetDateTime.now()));
            }
            Caller caller = new Caller(entry.tenantId(), entry.keyId().toString(),
                    entry.type() == ApiKeyType.WRITE ? CallerKind.WRITE_KEY : CallerKind.SECRET_KEY, Set.of(), entry.keyId());
            return tenants.of(entry.tenantId()).map(status -> CallerIdentities.build(
                    null, new QuarkusPrincipal("key:" + entry.prefix()), caller,
                    new PermissionChecker(grants(entry), status.orElse(null))));
        });
    }

    private static Set<Grant> grants(ApiKeyEntry entry) {
        if (entry.type() == ApiKeyType.WRITE) {
            return WRITE_KEY_GRANTS;
        }
        return entry.scopes().isEmpty() ? DEFAULT_SECRET_KEY_GRANTS
                : entry.scopes().stream().map(Grant::parse).collect(Collectors.toUnmodifiableSet());
    }
}
