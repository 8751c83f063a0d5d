package io.podcastplatform.ingest.webhook.service;

import io.podcastplatform.ingest.webhook.repository.IntegrationRepository;
import io.podcastplatform.ingest.webhook.repository.IntegrationRepository.StoredIntegration;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import io.podcastplatform.web.paging.Page;
import io.podcastplatform.web.paging.TimeCursor;
import io.podcastplatform.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/** A tenant's partner integrations; the signing secret is generated here, shown once and kept encrypted. */
@ApplicationScoped
public class Integrations {

    public static final Set<String> PARTNERS = Set.of("shopify");

    private final IntegrationRepository integrations;
    private final TenantTransactions transactions;
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();

    public Integrations(IntegrationRepository integrations, TenantTransactions transactions, SecretBox secrets) {
        this.integrations = integrations;
        this.transactions = transactions;
        this.secrets = secrets;
    }

    /** What a tenant sees of an integration (never its secret). */
    public record View(UUID id, String partner, String name, String webhookPath, OffsetDateTime createdAt) {
        static View of(StoredIntegration stored) {
            return new View(stored.id(), stored.partner(), stored.name(), "/v1/webhooks/" + stored.partner() + "/" + stored.id(),
                    stored.createdAt());
        }
    }

    /** The answer to a creation: the only time the signing secret is shown. */
    public record Created(UUID id, String partner, String name, String webhookPath, OffsetDateTime createdAt, String signingSecret) {
    }

    public Uni<Created> create(UUID tenantId, String partner, String name) {
        UUID id = UUID.randomUUID();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        StoredIntegration stored = new StoredIntegration(id, tenantId, partner, name, secrets.seal(id, secret),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        return transactions.inTenant(tenantId, tx -> integrations.insert(tx, stored)).map(ignored -> {
            View view = View.of(stored);
            return new Created(view.id(), view.partner(), view.name(), view.webhookPath(), view.createdAt(), secret);
        });
    }

    public Uni<Page<View>> page(UUID tenantId, TimeCursor cursor, int limit) {
        return transactions.inTenant(tenantId, tx -> integrations.page(tx, tenantId, cursor == null ? null : cursor.at(),
                        cursor == null ? null : cursor.id(), limit + 1))
                .map(found -> Page.of(found, limit, View::of, last -> new TimeCursor(last.createdAt(), last.id()).encode()));
    }

    public Uni<View> find(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> integrations.find(tx, tenantId, id))
                .map(found -> found.map(View::of).orElseThrow(() -> ProblemException.notFound("integration", id)));
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, tx -> integrations.delete(tx, tenantId, id)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("integration", id);
            }
            return null;
        });
    }
}
