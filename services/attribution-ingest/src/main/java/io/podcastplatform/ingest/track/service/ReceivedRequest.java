package io.podcastplatform.ingest.track.service;

import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * What the HTTP layer knows about a call, beside its body.
 *
 * @param serverToServer the caller holds a secret key: {@code context.ip} of its events is believed
 * @param address        the client's address (connection or trusted proxy), if known
 */
public record ReceivedRequest(UUID tenantId, boolean serverToServer, OffsetDateTime receivedAt, Optional<InetAddress> address,
                              String userAgent, String referer) {
}
