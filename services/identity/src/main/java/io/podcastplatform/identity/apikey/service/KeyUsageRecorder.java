package io.podcastplatform.identity.apikey.service;

import io.podcastplatform.identity.apikey.repository.ApiKeyRepository;
import io.podcastplatform.security.apikey.ApiKeyUsed;
import io.podcastplatform.tenancy.transaction.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Keeps {@code api_key.last_used_at} from the keys that authenticate requests to identity. */
@ApplicationScoped
public class KeyUsageRecorder {

    private static final Logger LOG = Logger.getLogger(KeyUsageRecorder.class);

    private final TenantTransactions transactions;
    private final ApiKeyRepository keys;

    public KeyUsageRecorder(TenantTransactions transactions, ApiKeyRepository keys) {
        this.transactions = transactions;
        this.keys = keys;
    }

    void record(@ObservesAsync ApiKeyUsed use) {
        try {
            transactions.inTenant(use.tenantId(), tx -> keys.touch(tx, use.keyId(), use.at())).await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warnf("could not record the use of key %s: %s", use.keyId(), e.toString());
        }
    }
}
