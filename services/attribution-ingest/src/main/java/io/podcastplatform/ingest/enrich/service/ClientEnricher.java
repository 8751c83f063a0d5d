package io.podcastplatform.ingest.enrich.service;

import io.podcastplatform.events.ingest.ClientContext;
import io.podcastplatform.ingest.IngestConfig;
import io.podcastplatform.useragents.Classification;
import io.podcastplatform.useragents.PatternSetLoader;
import io.podcastplatform.useragents.UserAgentClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Turns a request's address, User-Agent and Referer into what ingest keeps about the client. */
@ApplicationScoped
public class ClientEnricher {

    static final int MAX_USER_AGENT = 1024;

    private final IpHasher hasher;
    private final GeoIpReader geoIp;
    private final UserAgentClassifier classifier;

    public ClientEnricher(IpHasher hasher, GeoIpReader geoIp, IngestConfig config) {
        this.hasher = hasher;
        this.geoIp = geoIp;
        this.classifier = new UserAgentClassifier(PatternSetLoader.load(config.client().userAgentsDirectory().orElse(null)));
    }

    /**
     * @param receivedAt the day of reception picks the hashing keys (the day for the address hash, its
     *                   rotation period for the household hash), whatever time the client claims
     */
    public ClientContext enrich(UUID tenantId, OffsetDateTime receivedAt, Optional<InetAddress> address, String userAgent,
                                String referer) {
        String agent = userAgent == null ? null : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        Classification c = classifier.classify(agent, referer);
        String ipHash = null;
        String householdHash = null;
        String country = null;
        if (address.isPresent()) {
            var day = IpHasher.utcDay(receivedAt);
            ipHash = hasher.hash(tenantId, day, address.get());
            householdHash = hasher.householdHash(tenantId, day, address.get());
            country = geoIp.country(address.get()).orElse(null);
        }
        return new ClientContext(ipHash, householdHash, country, agent, c.kind().name(), c.name(), c.appName(), c.deviceName(),
                c.deviceCategory(), c.iabBot());
    }

    public UserAgentClassifier classifier() {
        return classifier;
    }
}
