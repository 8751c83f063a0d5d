package io.podcastplatform.security.caller;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, resolved only from a verified token or key, never from the request body.
 *
 * @param tenantId the caller's tenant; absent only for platform administrators
 * @param subject  the Keycloak user id, or the API key id
 * @param roles    realm roles of a user; empty for keys
 * @param keyId    the API key used, if any
 */
public record Caller(UUID tenantId, String subject, CallerKind kind, Set<String> roles, UUID keyId) {

    public Optional<UUID> tenant() {
        return Optional.ofNullable(tenantId);
    }

    public boolean isPlatformAdmin() {
        return kind == CallerKind.PLATFORM_ADMIN;
    }
}
