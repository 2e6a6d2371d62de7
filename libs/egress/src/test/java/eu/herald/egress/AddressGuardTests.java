package eu.herald.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTests {

    private static final AddressGuard GUARD = AddressGuard.strict();
    private static final AddressGuard.Resolver NO_LOOKUP = host -> {
        throw new AssertionError("a literal must never be looked up: " + host);
    };

    @ParameterizedTest
    @ValueSource(
            strings = {
                // loopback in every spelling
                "127.0.0.1",
                "127.1",
                "127.0.1",
                "2130706433",
                "0177.0.0.1",
                "0177.1",
                "0x7f.1",
                "0x7f000001",
                "0x7F.0.0.1",
                "017700000001",
                "127.0.0.1.",
                "127.255.255.254",
                "::1",
                "[::1]",
                "0:0:0:0:0:0:0:1",
                "::ffff:127.0.0.1",
                "[::ffff:7f00:1]",
                "::127.0.0.1",
                "64:ff9b::7f00:1",
                "2002:7f00:1::",
                // "this network" and unspecified
                "0.0.0.0",
                "0",
                "0.1.2.3",
                "::",
                // RFC 1918, CGNAT
                "10.0.0.1",
                "012.0.0.1",
                "167772161",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "0xc0a80101",
                "::ffff:192.168.1.1",
                "::ffff:10.1.2.3",
                "100.64.0.1",
                "100.127.255.254",
                // link-local and cloud metadata
                "169.254.169.254",
                "2852039166",
                "0xa9fea9fe",
                "0251.0376.0251.0376",
                "::ffff:169.254.169.254",
                "[::ffff:a9fe:a9fe]",
                "fd00:ec2::254",
                "[fd00:ec2::254]",
                "fe80::1",
                "febf::1",
                "fec0::1",
                // unique-local
                "fc00::1",
                "fdff:ffff::1",
                // multicast, broadcast, reserved
                "224.0.0.1",
                "239.255.255.250",
                "ff02::1",
                "ff0e::1",
                "255.255.255.255",
                "240.0.0.1",
                "4294967295",
                // IETF, documentation, benchmarking, tunnelling
                "192.0.0.8",
                "192.0.2.1",
                "198.18.0.1",
                "198.51.100.7",
                "203.0.113.9",
                "2001:db8::1",
                "2001::1",
                "100::1",
                "64:ff9b:1::1",
            })
    void refusesForbiddenAddressesInEveryForm(String host) {
        assertThatThrownBy(() -> GUARD.resolve(host, NO_LOOKUP)).isInstanceOf(DestinationRefused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "256.0.0.1",
                "1.2.3.4.5",
                "0x100.0.0.1",
                "1.16777216",
                "08.0.0.1",
                "09",
                "4294967296",
                "fe80::1%eth0",
                "[::1",
                "1::2::3",
                "example.0x",
                ""
            })
    void refusesMalformedLiteralsInsteadOfLookingThemUp(String host) {
        assertThatThrownBy(() -> GUARD.resolve(host, NO_LOOKUP)).isInstanceOf(DestinationRefused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "134744072",
                "0x8.0x8.0x8.0x8",
                "010.010.010.010",
                "93.184.216.34",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "169.253.255.255",
                "2606:4700::1111",
                "[2a00:1450:4001:80b::200e]",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void letsPublicAddressesThrough(String host) throws UnknownHostException {
        assertThat(GUARD.resolve(host, NO_LOOKUP)).hasSize(1);
    }

    @Test
    void readsEveryLiteralFormAsTheAddressItStandsFor() throws UnknownHostException {
        Map<String, String> forms = Map.of(
                "2130706433", "127.0.0.1",
                "0177.0.0.1", "127.0.0.1",
                "0x7f.1", "127.0.0.1",
                "127.1", "127.0.0.1",
                "10.1.258", "10.1.1.2",
                "0x8.0x8.0x8.0x8", "8.8.8.8",
                "134744072", "8.8.8.8");
        AddressGuard open = AddressGuard.allowing(List.of("0.0.0.0/0"));
        forms.forEach((form, dotted) -> {
            try {
                assertThat(open.resolve(form, NO_LOOKUP)).as(form).containsExactly(InetAddress.getByName(dotted));
            } catch (UnknownHostException e) {
                throw new AssertionError(form, e);
            }
        });
    }

    @Test
    void checksEveryAddressANameResolvesTo() throws UnknownHostException {
        AddressGuard.Resolver rebinding =
                host -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")};

        assertThatThrownBy(() -> GUARD.resolve("hooks.example.org", rebinding))
                .isInstanceOf(DestinationRefused.class)
                .hasMessageContaining("hooks.example.org resolves to 10.0.0.5");
        assertThat(GUARD.resolve(
                        "hooks.example.org", host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}))
                .containsExactly(InetAddress.getByName("93.184.216.34"));
    }

    @Test
    void refusesANameThatResolvesToTheMetadataAddress() {
        assertThatThrownBy(() -> GUARD.resolve(
                        "metadata.example", host -> new InetAddress[] {InetAddress.getByName("169.254.169.254")}))
                .isInstanceOf(DestinationRefused.class)
                .hasMessageContaining("metadata");
    }

    @Test
    void theOperatorsAllowListOverridesTheRules() throws UnknownHostException {
        AddressGuard guard = AddressGuard.allowing(List.of("127.0.0.1/32", "10.20.0.0/16", "fd12:3456::/32"));

        assertThat(guard.resolve("127.0.0.1", NO_LOOKUP)).hasSize(1);
        assertThat(guard.resolve("2130706433", NO_LOOKUP)).hasSize(1);
        assertThat(guard.resolve("::ffff:127.0.0.1", NO_LOOKUP)).hasSize(1);
        assertThat(guard.resolve("10.20.30.40", NO_LOOKUP)).hasSize(1);
        assertThat(guard.resolve("fd12:3456::9", NO_LOOKUP)).hasSize(1);
        assertThatThrownBy(() -> guard.resolve("127.0.0.2", NO_LOOKUP)).isInstanceOf(DestinationRefused.class);
        assertThatThrownBy(() -> guard.resolve("10.21.0.1", NO_LOOKUP)).isInstanceOf(DestinationRefused.class);
        assertThatThrownBy(() -> guard.resolve("::1", NO_LOOKUP)).isInstanceOf(DestinationRefused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example", "10.0.0.0/33", "::1/129", "1.2.3.4/x"})
    void rejectsAnAllowListEntryThatIsNoCidrBlock(String cidr) {
        assertThatThrownBy(() -> AddressRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
    }
}
