package io.podcastplatform.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.ingest.enrich.service.ClientAddresses;
import io.podcastplatform.ingest.enrich.service.IpHasher;
import java.net.InetAddress;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(TestConfigs.config(java.util.List.of("10.0.0.1", "10.0.0.2")));

    private static InetAddress ip(String literal) {
        return ClientAddresses.parseLiteral(literal).orElseThrow();
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() {
        assertThat(addresses.resolve("198.51.100.7", null, "203.0.113.1")).contains(ip("198.51.100.7"));
        assertThat(addresses.resolve("198.51.100.7", "for=203.0.113.1", null)).contains(ip("198.51.100.7"));
    }

    @Test
    void throughTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        assertThat(addresses.resolve("10.0.0.1", null, "1.2.3.4, 203.0.113.1, 10.0.0.2")).contains(ip("203.0.113.1"));
        assertThat(addresses.resolve("10.0.0.1", "for=1.2.3.4, for=\"[2001:db8::1]:443\";proto=https", null)).contains(ip("2001:db8::1"));
        assertThat(addresses.resolve("10.0.0.1", "for=192.0.2.60:8080", null)).contains(ip("192.0.2.60"));
    }

    @Test
    void garbageInAHeaderFallsBackToThePeerAndNeverResolvesHostNames() {
        assertThat(addresses.resolve("10.0.0.1", null, "localhost")).contains(ip("10.0.0.1"));
        assertThat(addresses.resolve("10.0.0.1", null, "not an ip")).contains(ip("10.0.0.1"));
        assertThat(addresses.resolve("10.0.0.1", "for=unknown", null)).contains(ip("10.0.0.1"));
        assertThat(ClientAddresses.parseLiteral("example.com")).isEmpty();
        assertThat(ClientAddresses.parseLiteral("zz::zz")).isEmpty();
        assertThat(addresses.resolve(null, null, null)).isEmpty();
    }

    @Test
    void addressHashesAreKeyedPerTenantAndDayAndIpv6HouseholdsAreTheSlash64() {
        IpHasher hasher = new IpHasher(TestConfigs.config(java.util.List.of()));
        UUID tenant = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 22);

        String hash = hasher.hash(tenant, day, ip("203.0.113.5"));
        assertThat(hash).hasSize(64).isEqualTo(hasher.hash(tenant, day, ip("203.0.113.5")));
        assertThat(hash).isNotEqualTo(hasher.hash(UUID.randomUUID(), day, ip("203.0.113.5")));
        assertThat(hash).isNotEqualTo(hasher.hash(tenant, day.plusDays(1), ip("203.0.113.5")));
        assertThat(hasher.householdHash(tenant, day, ip("2001:db8:1:2::7"))).isEqualTo(hasher.householdHash(tenant, day, ip("2001:db8:1:2:ffff::1")))
                .isNotEqualTo(hasher.householdHash(tenant, day, ip("2001:db8:1:3::7")));
        assertThat(hasher.hash(tenant, day, ip("2001:db8:1:2::7"))).isNotEqualTo(hasher.hash(tenant, day, ip("2001:db8:1:2::8")));
        // household and address keys are separate even for an IPv4 address (the whole address is the household)
        assertThat(hasher.householdHash(tenant, day, ip("203.0.113.5"))).hasSize(64).isNotEqualTo(hash);
    }

    @Test
    void householdHashesStayWithinARotationPeriodWhileAddressHashesChangeDaily() {
        IpHasher hasher = new IpHasher(TestConfigs.config(java.util.List.of()));
        UUID tenant = UUID.randomUUID();
        // 90-day periods counted from 1970-01-01: epoch day 20430 (2025-12-08) starts period 227
        LocalDate periodStart = LocalDate.ofEpochDay(227L * 90);
        LocalDate lastDay = periodStart.plusDays(89);
        InetAddress address = ip("198.51.100.23");
        assertThat(hasher.householdPeriod(periodStart)).isEqualTo(hasher.householdPeriod(lastDay)).isEqualTo(227);

        assertThat(hasher.householdHash(tenant, periodStart, address)).isEqualTo(hasher.householdHash(tenant, periodStart.plusDays(1), address))
                .isEqualTo(hasher.householdHash(tenant, lastDay, address));
        assertThat(hasher.hash(tenant, periodStart, address)).isNotEqualTo(hasher.hash(tenant, periodStart.plusDays(1), address));

        assertThat(hasher.householdHash(tenant, lastDay.plusDays(1), address)).isNotEqualTo(hasher.householdHash(tenant, lastDay, address));
        assertThat(hasher.householdHash(UUID.randomUUID(), periodStart, address)).isNotEqualTo(hasher.householdHash(tenant, periodStart, address));
    }
}
