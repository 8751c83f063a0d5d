package io.podcastplatform.catalog.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.podcastplatform.catalog.feed.service.AddressPolicy;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private final AddressPolicy strict = AddressPolicy.strict();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "ff02::1"})
    void internalAddressesAreRefused(String address) throws Exception {
        assertThat(strict.permits(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "192.169.0.1", "2606:2800:220:1:248:1893:25c8:1946", "1.1.1.1"})
    void publicAddressesArePermitted(String address) throws Exception {
        assertThat(strict.permits(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void anAllowedRangeOpensOnlyThatRange() throws Exception {
        AddressPolicy tests = new AddressPolicy(List.of("127.0.0.1/32"));

        assertThat(tests.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(tests.permits(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(tests.permits(InetAddress.getByName("::1"))).isFalse();
        assertThat(tests.permits(InetAddress.getByName("169.254.169.254"))).isFalse();
    }
}
