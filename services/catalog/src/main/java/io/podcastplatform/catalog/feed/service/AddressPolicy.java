package io.podcastplatform.catalog.feed.service;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Decides whether the server may connect to an address a tenant's feed URL resolved to. Feed URLs are
 * typed by tenants, so without this a tenant could make the service read internal endpoints (cloud
 * metadata, databases, admin consoles): server-side request forgery. Checked on resolved addresses,
 * for every redirect, and the connection then goes to exactly the address that was checked.
 */
public final class AddressPolicy {

    private static final List<Cidr> REFUSED = List.of(
            Cidr.parse("0.0.0.0/8"),          // "this network"
            Cidr.parse("10.0.0.0/8"),         // private
            Cidr.parse("100.64.0.0/10"),      // carrier-grade NAT
            Cidr.parse("127.0.0.0/8"),        // loopback
            Cidr.parse("169.254.0.0/16"),     // link-local, cloud metadata (169.254.169.254)
            Cidr.parse("172.16.0.0/12"),      // private
            Cidr.parse("192.0.0.0/24"),       // IETF protocol assignments
            Cidr.parse("192.168.0.0/16"),     // private
            Cidr.parse("198.18.0.0/15"),      // benchmarking
            Cidr.parse("224.0.0.0/4"),        // multicast
            Cidr.parse("240.0.0.0/4"),        // reserved, broadcast
            Cidr.parse("::/96"),              // unspecified, loopback, IPv4-compatible (::127.0.0.1)
            Cidr.parse("64:ff9b::/96"),       // NAT64 of any IPv4 address
            Cidr.parse("fc00::/7"),           // unique-local (includes fd00:ec2::254 metadata)
            Cidr.parse("fe80::/10"),          // link-local
            Cidr.parse("ff00::/8"));          // multicast

    private final List<Cidr> allowed;

    public AddressPolicy(List<String> allowedRanges) {
        this.allowed = allowedRanges.stream().map(Cidr::parse).toList();
    }

    /** The policy of production: nothing internal is allowed. */
    public static AddressPolicy strict() {
        return new AddressPolicy(List.of());
    }

    public boolean permits(InetAddress address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return true;
        }
        return REFUSED.stream().noneMatch(range -> range.contains(address));
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
    record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String cidr) {
            String[] parts = cidr.strip().split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range: " + cidr);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address range: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            // Java already turns IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) into IPv4 ones
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(candidate.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(prefixLength).not();
            BigInteger left = new BigInteger(1, candidate).and(mask);
            BigInteger right = new BigInteger(1, network).and(mask);
            return left.equals(right);
        }
    }
}
