package io.podcastplatform.testing;

import io.podcastplatform.events.CloudEvent;
import io.podcastplatform.events.EventJson;
import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyChanged;
import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.events.apikey.ApiKeyType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Keys for tests of services other than identity: publishes on {@code identity.api-key.v1} exactly what
 * identity publishes when a key is issued or revoked, so a service's key directory learns of it the
 * real way. Services' own tests use it to get a key of a fresh tenant without going through identity.
 */
public final class TestApiKeys {

    private TestApiKeys() {
    }

    /** A key in the hands of a test, with what identity would have published about it. */
    public record IssuedKey(UUID id, UUID tenantId, ApiKeyType type, List<String> scopes, String key) {

        public String hash() {
            return ApiKeySecrets.hash(key);
        }
    }

    public static IssuedKey issue(UUID tenantId, ApiKeyType type, List<String> scopes) {
        IssuedKey issued = new IssuedKey(UUID.randomUUID(), tenantId, type, List.copyOf(scopes), ApiKeySecrets.generate(type));
        publish(issued, ApiKeyStatus.ACTIVE, 1);
        return issued;
    }

    public static IssuedKey writeKey(UUID tenantId) {
        return issue(tenantId, ApiKeyType.WRITE, List.of("events:write"));
    }

    public static void revoke(IssuedKey issued) {
        publish(issued, ApiKeyStatus.REVOKED, 2);
    }

    private static void publish(IssuedKey issued, ApiKeyStatus status, long version) {
        ApiKeyChanged changed = new ApiKeyChanged(issued.id(), issued.tenantId(), "test key", issued.type(),
                ApiKeySecrets.displayPrefix(issued.key()), issued.hash(), issued.scopes(), status, null, null, version,
                OffsetDateTime.now());
        CloudEvent event = new CloudEvent(UUID.randomUUID(), "/identity", ApiKeyChanged.TYPE, OffsetDateTime.now(),
                issued.tenantId(), issued.id().toString(), EventJson.write(changed));
        TestKafka.publish(Topics.IDENTITY_API_KEY_V1, issued.id().toString(), event);
    }
}
