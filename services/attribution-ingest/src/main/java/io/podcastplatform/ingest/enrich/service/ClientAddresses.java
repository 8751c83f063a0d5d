package io.podcastplatform.ingest.enrich.service;

import io.podcastplatform.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The client's address: the connection's, unless the connection comes from a configured trusted proxy
 * (an ingress), in which case the right-most address of {@code Forwarded} / {@code X-Forwarded-For} that
 * is not itself a trusted proxy. Headers from anyone else are ignored, so clients cannot choose their IP.
 */
@ApplicationScoped
public class ClientAddresses {

    /** Compiled once: {@code String.matches} compiled both patterns on every pixel and redirect (JFR allocation profile). */
    private static final Pattern IP_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.%a-zA-Z]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<InetAddress> trustedProxies;

    public ClientAddresses(IngestConfig config) {
        this.trustedProxies = config.client().trustedProxies().orElse(List.of()).stream()
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(ip -> parseLiteral(ip).orElseThrow(() -> new IllegalStateException("ingest.client.trusted-proxies: not an IP address: " + ip)))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<InetAddress> resolve(String connectionAddress, String forwarded, String xForwardedFor) {
        Optional<InetAddress> peer = parseLiteral(connectionAddress);
        if (peer.isEmpty() || !trustedProxies.contains(peer.get())) {
            return peer;
        }
        List<String> chain = forwarded != null ? forwardedFor(forwarded) : xForwardedFor != null ? List.of(xForwardedFor.split(",")) : List.of();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parseLiteral(chain.get(i));
            if (hop.isEmpty()) {
                return peer;
            }
            if (!trustedProxies.contains(hop.get())) {
                return hop;
            }
        }
        return peer;
    }

    private static List<String> forwardedFor(String forwarded) {
        return java.util.Arrays.stream(forwarded.split(","))
                .flatMap(element -> java.util.Arrays.stream(element.split(";")))
                .map(String::strip)
                .filter(pair -> pair.toLowerCase(Locale.ROOT).startsWith("for="))
                .map(pair -> pair.substring(4).replace("\"", ""))
                .map(ClientAddresses::stripPortAndBrackets)
                .toList();
    }

    private static String stripPortAndBrackets(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    /** Parses an IP literal without ever resolving a host name (which would block and leak). */
    public static Optional<InetAddress> parseLiteral(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (candidate.isEmpty() || candidate.length() > 45 || !IP_CHARACTERS.matcher(candidate).matches()
                || !(candidate.contains(":") || IPV4.matcher(candidate).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
