package eu.herald.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a URL's host the way resolvers and browsers do, so that no spelling of an address slips past the guard:
 * IPv4 in every form {@code inet_aton} accepts (dotted, one to four parts, each decimal, octal with a leading
 * {@code 0} or hex with {@code 0x}: {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}) and
 * IPv6 with or without brackets. No name is ever looked up here.
 */
final class IpLiterals {

    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    private IpLiterals() {}

    /**
     * @return the address a literal host stands for, or empty for a name
     * @throws DestinationRefused when the host looks like an address but is not a valid one (a resolver might
     *     still read it some other way)
     */
    static Optional<InetAddress> parse(String rawHost) throws DestinationRefused {
        String host = rawHost.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new DestinationRefused("the host is empty");
        }
        if (host.contains(":")) {
            return Optional.of(ipv6(host));
        }
        String[] labels = host.split("\\.", -1);
        // a numeric last label means an IPv4 address (WHATWG URL): no top-level domain is a number
        if (!NUMBER.matcher(labels[labels.length - 1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(ipv4(host, labels));
    }

    private static InetAddress ipv6(String host) throws DestinationRefused {
        if (host.contains("%")) {
            throw new DestinationRefused("an IPv6 address with a zone is not allowed: " + host);
        }
        if (!IPV6.matcher(host).matches()) {
            throw new DestinationRefused("not a valid IPv6 address: " + host);
        }
        try {
            // a literal of hex digits, colons and dots: parsed, never looked up
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new DestinationRefused("not a valid IPv6 address: " + host);
        }
    }

    private static InetAddress ipv4(String host, String[] labels) throws DestinationRefused {
        if (labels.length > 4) {
            throw new DestinationRefused("not a valid IPv4 address: " + host);
        }
        long address = 0;
        for (int i = 0; i < labels.length; i++) {
            long value = number(host, labels[i]);
            // inet_aton: every part but the last is one byte; the last fills the bytes that are left
            int bits = i < labels.length - 1 ? 8 : 8 * (4 - i);
            if (value >= 1L << bits) {
                throw new DestinationRefused("not a valid IPv4 address: " + host);
            }
            address = (address << bits) | value;
        }
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }

    private static long number(String host, String label) throws DestinationRefused {
        if (!NUMBER.matcher(label).matches() || label.length() > 12) {
            throw new DestinationRefused("not a valid IPv4 address: " + host);
        }
        try {
            if (label.startsWith("0x")) {
                return label.length() == 2 ? 0 : Long.parseLong(label.substring(2), 16);
            }
            if (label.length() > 1 && label.startsWith("0")) {
                return Long.parseLong(label.substring(1), 8);
            }
            return Long.parseLong(label);
        } catch (NumberFormatException e) {
            // 08 or 09: not octal
            throw new DestinationRefused("not a valid IPv4 address: " + host);
        }
    }
}
