package io.podcastplatform.ingest.enrich.service;

import java.net.InetAddress;
import java.util.Optional;

/** Country of an address; implementations never fail, they answer empty when they do not know. */
public interface GeoIpReader {

    Optional<String> country(InetAddress address);
}
