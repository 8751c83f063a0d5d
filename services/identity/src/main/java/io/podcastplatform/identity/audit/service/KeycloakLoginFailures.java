package io.podcastplatform.identity.audit.service;

import io.podcastplatform.identity.audit.repository.AuditRepository;
import io.podcastplatform.identity.user.keycloak.KeycloakAdminApi;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns failed sign-ins, which only Keycloak sees, into security events: polls the realm's LOGIN_ERROR
 * events and records each once (keyed by Keycloak's event id), under the member's tenant when the user
 * is known, as a platform-level event otherwise (for example an unknown user name).
 */
@ApplicationScoped
public class KeycloakLoginFailures {

    private static final Logger LOG = Logger.getLogger(KeycloakLoginFailures.class);
    private static final int PAGE = 500;

    private final KeycloakAdminApi keycloak;
    private final TenantTransactions transactions;
    private final AuditRepository repository;

    public KeycloakLoginFailures(KeycloakAdminApi keycloak, TenantTransactions transactions, AuditRepository repository) {
        this.keycloak = keycloak;
        this.transactions = transactions;
        this.repository = repository;
    }

    @Scheduled(every = "${identity.keycloak.login-failures.poll-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> importOnSchedule() {
        return importRecent()
                .onFailure().invoke(failure -> LOG.debugf("login failures not imported this round: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Imports the last two days' failed sign-ins; returns how many were new. */
    public Uni<Integer> importRecent() {
        String since = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        return keycloak.send(HttpMethod.GET, "/events?type=LOGIN_ERROR&dateFrom=" + since + "&first=0&max=" + PAGE, null)
                .map(response -> {
                    KeycloakAdminApi.requireSuccess(response, "list sign-in events");
                    return response.bodyAsJsonArray();
                })
                .flatMap(this::record);
    }

    private Uni<Integer> record(JsonArray events) {
        List<JsonObject> failures = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            failures.add(events.getJsonObject(i));
        }
        return Multi.createFrom().iterable(failures)
                .onItem().transformToUniAndConcatenate(this::recordOne)
                .collect().asList()
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> recordOne(JsonObject event) {
        JsonObject details = event.getJsonObject("details", new JsonObject());
        String username = details.getString("username", "unknown user");
        String userId = event.getString("userId");
        UUID id = event.getString("id") != null
                ? UUID.nameUUIDFromBytes(("keycloak-event:" + event.getString("id")).getBytes(StandardCharsets.UTF_8))
                : UUID.nameUUIDFromBytes(("keycloak-event:" + event.getLong("time") + username + event.getString("ipAddress")).getBytes(StandardCharsets.UTF_8));
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(event.getLong("time", 0L)), ZoneOffset.UTC);
        String description = "sign-in failed for " + username + ": " + event.getString("error", "error");
        return transactions.inPlatformScope(tx -> (userId == null ? Uni.createFrom().item(java.util.Optional.<UUID>empty())
                        : repository.tenantOfUser(tx, UUID.fromString(userId)))
                .flatMap(tenant -> repository.insertIfNew(tx, new SecurityEvent(id, tenant.orElse(null), at, "authentication_failed", "medium",
                        userId == null ? username : userId, null, description, null, "POST", "keycloak:/login",
                        event.getString("ipAddress"), null))));
    }
}
