package io.podcastplatform.identity.user.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.podcastplatform.identity.user.service.Users;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.caller.CallerAttributes;
import io.podcastplatform.security.caller.CallerKind;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records a member's last login from the {@code auth_time} of their token, once per sign-in per
 * instance, adding members created in Keycloak directly on first sight.
 */
public class LoginRecorder {

    private static final Logger LOG = Logger.getLogger(LoginRecorder.class);

    private final Users users;
    private final CurrentIdentityAssociation identities;
    private final Cache<UUID, Long> recorded = Caffeine.newBuilder().maximumSize(100_000).build();

    public LoginRecorder(Users users, CurrentIdentityAssociation identities) {
        this.users = users;
        this.identities = identities;
    }

    @ServerResponseFilter
    public Uni<Void> record() {
        return identities.getDeferredIdentity().onFailure().recoverWithNull().flatMap(identity -> {
            Caller caller = identity == null || identity.isAnonymous() ? null : identity.getAttribute(CallerAttributes.CALLER);
            if (caller == null || caller.kind() != CallerKind.USER || caller.tenantId() == null
                    || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return Uni.createFrom().voidItem();
            }
            Object authTime = token.getClaim("auth_time");
            long signedInAt = authTime instanceof Number number ? number.longValue() : token.getIssuedAtTime();
            UUID userId = UUID.fromString(caller.subject());
            Long previous = recorded.getIfPresent(userId);
            if (previous != null && previous >= signedInAt) {
                return Uni.createFrom().voidItem();
            }
            String email = token.getClaim("email") == null ? token.getName() : token.getClaim("email").toString();
            return users.recordLogin(userId, caller.tenantId(), email, OffsetDateTime.ofInstant(Instant.ofEpochSecond(signedInAt), ZoneOffset.UTC))
                    .invoke(() -> recorded.put(userId, signedInAt))
                    .onFailure().invoke(failure -> LOG.warnf("could not record the login of %s: %s", userId, failure.toString()))
                    .onFailure().recoverWithNull();
        });
    }
}
