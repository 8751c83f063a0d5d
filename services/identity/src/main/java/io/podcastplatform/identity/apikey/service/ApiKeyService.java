package io.podcastplatform.identity.apikey.service;

import io.podcastplatform.events.Topics;
import io.podcastplatform.events.apikey.ApiKeyChanged;
import io.podcastplatform.events.apikey.ApiKeySecrets;
import io.podcastplatform.events.apikey.ApiKeyStatus;
import io.podcastplatform.events.apikey.ApiKeyType;
import io.podcastplatform.identity.apikey.repository.ApiKeyRepository;
import io.podcastplatform.messaging.outbox.OutboxEvent;
import io.podcastplatform.messaging.outbox.OutboxWriter;
import io.podcastplatform.security.caller.Caller;
import io.podcastplatform.security.permission.Grant;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Issues and revokes API keys of the caller's tenant. Each change and its {@code identity.api-key.v1}
 * event commit together, so every service's key directory learns of exactly the committed changes.
 */
@ApplicationScoped
public class ApiKeyService {

    /** What a write key may do whatever it asks for: send events. */
    public static final List<String> WRITE_KEY_SCOPES = List.of("events:write");

    private final TenantTransactions transactions;
    private final ApiKeyRepository keys;
    private final OutboxWriter outbox;

    public ApiKeyService(TenantTransactions transactions, ApiKeyRepository keys, OutboxWriter outbox) {
        this.transactions = transactions;
        this.keys = keys;
        this.outbox = outbox;
    }

    public Uni<IssuedApiKey> issue(Caller caller, UUID tenantId, NewApiKey request) {
        List<String> scopes = scopesFor(request);
        String secret = ApiKeySecrets.generate(request.type());
        ApiKey draft = new ApiKey(UUID.randomUUID(), tenantId, request.name(), request.type(), ApiKeySecrets.displayPrefix(secret),
                ApiKeySecrets.hash(secret), scopes, ApiKeyStatus.ACTIVE, request.expiresAt(), request.rateLimitPerHour(),
                null, caller.subject(), null, null, 1);
        return transactions.inTenant(tenantId, tx -> keys.insert(tx, draft).call(key -> publish(tx, key)))
                .map(key -> new IssuedApiKey(key, secret));
    }

    public Uni<ApiKey> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> keys.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("API key", id)));
    }

    public Uni<List<ApiKey>> page(UUID tenantId, OffsetDateTime beforeCreatedAt, UUID beforeId, int limit) {
        return transactions.inTenant(tenantId, tx -> keys.page(tx, beforeCreatedAt, beforeId, limit));
    }

    /** Revoking twice is harmless: the second call finds the key revoked and changes nothing. */
    public Uni<ApiKey> revoke(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> keys.revoke(tx, id).flatMap(revoked -> revoked
                .map(key -> publish(tx, key).replaceWith(key))
                .orElseGet(() -> keys.find(tx, id).map(existing -> existing
                        .orElseThrow(() -> ProblemException.notFound("API key", id))))));
    }

    private static List<String> scopesFor(NewApiKey request) {
        if (request.type() == ApiKeyType.WRITE) {
            if (request.scopes() != null && !request.scopes().isEmpty() && !request.scopes().equals(WRITE_KEY_SCOPES)) {
                throw ProblemException.badRequest("scopes", "a write key can only send events (events:write)");
            }
            return WRITE_KEY_SCOPES;
        }
        List<String> scopes = request.scopes() == null ? List.of() : request.scopes().stream().distinct().toList();
        for (int i = 0; i < scopes.size(); i++) {
            try {
                Grant.parse(scopes.get(i));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("scopes[" + i + "]", "must be resource:action with action one of "
                        + "create, read, update, delete, execute, write, manage");
            }
        }
        return scopes;
    }

    private Uni<UUID> publish(SqlClient tx, ApiKey key) {
        ApiKeyChanged changed = new ApiKeyChanged(key.id(), key.tenantId(), key.name(), key.type(), key.prefix(),
                key.keyHash(), key.scopes(), key.status(), key.expiresAt(), key.rateLimitPerHour(), key.version(),
                OffsetDateTime.now());
        return outbox.append(tx, new OutboxEvent(Topics.IDENTITY_API_KEY_V1, key.id().toString(), ApiKeyChanged.TYPE,
                key.tenantId(), key.id().toString(), changed));
    }
}
