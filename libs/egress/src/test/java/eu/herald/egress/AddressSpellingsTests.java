package eu.herald.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property-style: for many addresses drawn (with a fixed seed, so a failure repeats) from each forbidden IPv4
 * block and from public space, every spelling a resolver or browser accepts is judged like the dotted form.
 */
class AddressSpellingsTests {

    private static final AddressGuard GUARD = AddressGuard.strict();
    private static final AddressGuard.Resolver NO_LOOKUP = host -> {
        throw new AssertionError("a literal must never be looked up: " + host);
    };
    private static final List<String> FORBIDDEN_BLOCKS = List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "224.0.0.0/4",
            "240.0.0.0/4");
    private static final int SAMPLES_PER_BLOCK = 40;

    static Stream<String> forbiddenAddresses() {
        Random random = new Random(20221011);
        List<String> addresses = new ArrayList<>();
        for (String cidr : FORBIDDEN_BLOCKS) {
            AddressRange block = AddressRange.parse(cidr);
            long base = toLong(block.network().getAddress());
            long size = 1L << (32 - block.prefix());
            for (int i = 0; i < SAMPLES_PER_BLOCK; i++) {
                addresses.add(dotted(base + (long) (random.nextDouble() * size)));
            }
        }
        return addresses.stream();
    }

    static Stream<String> publicAddresses() {
        Random random = new Random(20221012);
        List<String> addresses = new ArrayList<>();
        while (addresses.size() < 200) {
            long candidate = random.nextLong(1L << 32);
            InetAddress address = address(candidate);
            if (GUARD.refusal(address).isEmpty()) {
                addresses.add(dotted(candidate));
            }
        }
        return addresses.stream();
    }

    @Test
    void refusesAForbiddenAddressInEverySpelling() {
        forbiddenAddresses().forEach(dotted -> {
            for (String spelling : spellings(dotted)) {
                assertThatThrownBy(() -> GUARD.resolve(spelling, NO_LOOKUP))
                        .as(spelling + " (" + dotted + ")")
                        .isInstanceOf(DestinationRefused.class);
            }
        });
    }

    @Test
    void readsEverySpellingOfAPublicAddressAsThatAddress() throws UnknownHostException {
        for (String dotted : publicAddresses().toList()) {
            readsEverySpellingAs(dotted);
        }
    }

    private static void readsEverySpellingAs(String dotted) throws UnknownHostException {
        InetAddress expected = InetAddress.getByName(dotted);
        for (String spelling : spellings(dotted)) {
            List<InetAddress> resolved = GUARD.resolve(spelling, NO_LOOKUP);
            assertThat(resolved).as(spelling).hasSize(1);
            InetAddress only = resolved.get(0);
            // a mapped IPv6 form may come back as IPv4 (Java folds ::ffff:a.b.c.d); tunnelled forms stay IPv6
            if (only.getAddress().length == 4) {
                assertThat(only).as(spelling).isEqualTo(expected);
            }
        }
    }

    /** Dotted, one decimal number, octal, hex, the short forms, and IPv6 forms that carry it. */
    private static List<String> spellings(String dotted) {
        String[] parts = dotted.split("\\.");
        int[] bytes = new int[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = Integer.parseInt(parts[i]);
        }
        long value = ((long) bytes[0] << 24) | ((long) bytes[1] << 16) | ((long) bytes[2] << 8) | bytes[3];
        String hex16 = String.format("%x:%x", (bytes[0] << 8) | bytes[1], (bytes[2] << 8) | bytes[3]);
        return List.of(
                dotted,
                dotted + ".",
                Long.toString(value),
                "0" + Long.toOctalString(value),
                "0x" + Long.toHexString(value),
                String.format("0%o.0%o.0%o.0%o", bytes[0], bytes[1], bytes[2], bytes[3]),
                String.format("0x%x.0x%x.0x%x.0x%x", bytes[0], bytes[1], bytes[2], bytes[3]),
                bytes[0] + "." + ((bytes[1] << 16) | (bytes[2] << 8) | bytes[3]),
                bytes[0] + "." + bytes[1] + "." + ((bytes[2] << 8) | bytes[3]),
                "::ffff:" + dotted,
                "[::ffff:" + hex16 + "]",
                "64:ff9b::" + hex16,
                "2002:" + hex16 + "::1");
    }

    private static long toLong(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    private static String dotted(long value) {
        return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "."
                + (value & 0xff);
    }

    private static InetAddress address(long value) {
        try {
            return InetAddress.getByName(dotted(value));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
