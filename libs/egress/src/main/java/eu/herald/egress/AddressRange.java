package eu.herald.egress;

import java.net.InetAddress;
import java.util.Arrays;

/** A CIDR block ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address is a block of one. */
public record AddressRange(InetAddress network, int prefix) {

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " does not fit " + network.getHostAddress());
        }
    }

    /**
     * Parses {@code address[/prefix]}; the address is a dotted IPv4 or an IPv6 literal.
     *
     * @throws IllegalArgumentException when it is not a CIDR block
     */
    public static AddressRange parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress network;
        try {
            network = IpLiterals.parse(address)
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + address));
        } catch (DestinationRefused e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
        int bits = network.getAddress().length * 8;
        try {
            return new AddressRange(network, slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr, e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] block = network.getAddress();
        if (candidate.length != block.length) {
            return false;
        }
        int whole = prefix / 8;
        if (!Arrays.equals(candidate, 0, whole, block, 0, whole)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[whole] & mask) == (block[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
