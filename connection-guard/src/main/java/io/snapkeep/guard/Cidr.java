package io.snapkeep.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 network, {@code address/prefix}: matched on the address bytes under the prefix mask. */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Reads {@code 10.0.0.0/8}, {@code fd00::/8}, or a single address (a /32 or /128).
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static Cidr parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (address.isEmpty() || HostSyntax.problem(address).isPresent() || !isLiteral(address)) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a network: write an IPv4 or IPv6 address,"
                    + " optionally with /prefix, e.g. 10.0.0.0/8 or fd00::/8");
        }
        byte[] bytes = literal(address);
        int bits = bytes.length * 8;
        int prefix = slash < 0 ? bits : prefixOf(trimmed, trimmed.substring(slash + 1), bits);
        for (int bit = prefix; bit < bits; bit++) {
            if (isSet(bytes, bit)) {
                throw new IllegalArgumentException("'" + trimmed + "' has bits set past its /" + prefix
                        + " prefix: write the network's first address");
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** Whether {@code address} is of this network's family and its first {@code prefix} bits are the network's. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    /** Whether this is {@code 0.0.0.0/0} or {@code ::/0}: every address of its family. */
    boolean matchesWholeFamily() {
        return prefix == 0;
    }

    boolean isIpv6() {
        return network.length == 16;
    }

    @Override
    public String toString() {
        return literalText() + "/" + prefix;
    }

    private String literalText() {
        try {
            return InetAddress.getByAddress(network).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int prefixOf(String text, String digits, int bits) {
        try {
            int prefix = Integer.parseInt(digits);
            if (prefix >= 0 && prefix <= bits && digits.equals(Integer.toString(prefix))) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("'" + text + "' has no valid prefix: use /0 to /" + bits);
    }

    private static boolean isLiteral(String address) {
        return address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** The bytes of an IP literal HostSyntax accepted: the JDK parses it without a lookup. */
    private static byte[] literal(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + address + "' is not an IP address", e);
        }
    }

    private static boolean isSet(byte[] bytes, int bit) {
        return (bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0;
    }
}
