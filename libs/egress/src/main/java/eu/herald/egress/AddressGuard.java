package eu.herald.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides which addresses Herald may connect to on a receiver's behalf (SSRF guard). Refused: loopback, "this
 * network" 0.0.0.0/8, private (RFC 1918), shared CGNAT 100.64.0.0/10, link-local (which holds the cloud metadata
 * address 169.254.169.254), IETF-reserved, documentation and benchmarking ranges, multicast, broadcast and the
 * reserved 240.0.0.0/4; for IPv6 the unspecified and loopback addresses, unique-local fc00::/7 (AWS's metadata
 * address fd00:ec2::254 is one), link-local, site-local, multicast, discard, documentation and the tunnelling
 * prefixes. An IPv6 address that carries an IPv4 one (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4
 * 2002::/16) is judged by the IPv4 address inside. An operator allow-list of CIDR blocks overrides all of it
 * (local development, tests, a receiver in the operator's own network).
 */
public final class AddressGuard {

    private record Forbidden(AddressRange range, String what) {}

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbidden("0.0.0.0/8", "a \"this network\""),
            forbidden("10.0.0.0/8", "a private"),
            forbidden("100.64.0.0/10", "a shared (carrier-grade NAT)"),
            forbidden("127.0.0.0/8", "a loopback"),
            forbidden("169.254.0.0/16", "a link-local or cloud metadata"),
            forbidden("172.16.0.0/12", "a private"),
            forbidden("192.0.0.0/24", "an IETF protocol"),
            forbidden("192.0.2.0/24", "a documentation"),
            forbidden("192.88.99.0/24", "a 6to4 relay"),
            forbidden("192.168.0.0/16", "a private"),
            forbidden("198.18.0.0/15", "a benchmarking"),
            forbidden("198.51.100.0/24", "a documentation"),
            forbidden("203.0.113.0/24", "a documentation"),
            forbidden("224.0.0.0/4", "a multicast"),
            forbidden("240.0.0.0/4", "a reserved or broadcast"),
            forbidden("::/128", "an unspecified"),
            forbidden("::1/128", "a loopback"),
            forbidden("64:ff9b:1::/48", "a local-use NAT64"),
            forbidden("100::/64", "a discard"),
            forbidden("2001::/23", "an IETF protocol (Teredo, benchmarking, ORCHID)"),
            forbidden("2001:db8::/32", "a documentation"),
            forbidden("3fff::/20", "a documentation"),
            forbidden("fc00::/7", "a unique-local or cloud metadata"),
            forbidden("fe80::/10", "a link-local"),
            forbidden("fec0::/10", "a site-local"),
            forbidden("ff00::/8", "a multicast"));

    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    private final List<AddressRange> allowed;

    /** @param allowed CIDR blocks the operator allows even though the rules forbid them */
    public AddressGuard(Collection<AddressRange> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The guard without exceptions. */
    public static AddressGuard strict() {
        return new AddressGuard(List.of());
    }

    /** @param cidrs CIDR blocks as text, e.g. {@code 127.0.0.1/32} */
    public static AddressGuard allowing(Collection<String> cidrs) {
        return new AddressGuard(cidrs.stream().map(AddressRange::parse).toList());
    }

    /** Why the address is refused, or empty when it may be reached. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return Optional.empty();
        }
        Optional<InetAddress> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return refusal(embedded.get())
                    .map(reason -> address.getHostAddress() + " carries "
                            + embedded.get().getHostAddress() + ": " + reason);
        }
        return FORBIDDEN.stream()
                .filter(rule -> rule.range().contains(address))
                .findFirst()
                .map(rule -> address.getHostAddress() + " is " + rule.what() + " address");
    }

    /**
     * Resolves a URL's host and checks every address it stands for: a literal in any spelling is read, a name is
     * looked up with {@code resolver}. The host is refused when any one of its addresses is (a name that also
     * points inside could be used to reach it on another try).
     *
     * @return the checked addresses: connect only to these
     * @throws DestinationRefused when an address is forbidden or the host is a malformed literal
     * @throws UnknownHostException when the name does not resolve
     */
    public List<InetAddress> resolve(String host, Resolver resolver) throws UnknownHostException {
        Optional<InetAddress> literal = IpLiterals.parse(host);
        List<InetAddress> addresses =
                literal.isPresent() ? List.of(literal.get()) : Arrays.asList(resolver.resolve(host));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host + " has no address");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw new DestinationRefused(
                        (literal.isPresent() ? "" : host + " resolves to ") + refusal.get() + ", which is not allowed");
            }
        }
        return List.copyOf(addresses);
    }

    /** Name lookup, {@link InetAddress#getAllByName} by default; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {

        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean mappedOrCompatible = allZero(bytes, 0, 10)
                && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff)
                        || (bytes[10] == 0 && bytes[11] == 0 && !allZero(bytes, 12, 15)));
        if (mappedOrCompatible || NAT64.contains(address)) {
            return Optional.of(ipv4(bytes, 12));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(ipv4(bytes, 2));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    private static Forbidden forbidden(String cidr, String what) {
        return new Forbidden(AddressRange.parse(cidr), what);
    }
}
