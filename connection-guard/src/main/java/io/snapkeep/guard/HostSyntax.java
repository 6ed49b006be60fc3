package io.snapkeep.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a connection's host may be: a host name of RFC 1123 labels, an IPv4 address in dotted decimal, or an IPv6
 * address without brackets or zone. Nothing else — no port, path, query, user, space or socket directory — so a
 * host can never add anything to a JDBC URL or a libpq connection string. Checking it never asks DNS.
 */
public final class HostSyntax {
    static final int MAX_LENGTH = 253;
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final String NOT_A_HOST = "is not a host name or an IP address: use dot-separated labels of letters,"
            + " digits and '-' (at most 63 each, not starting or ending with '-'), an IPv4 address or an IPv6 address,"
            + " without port, path, user or socket directory";

    private HostSyntax() {
    }

    /** Why {@code host} is refused, to follow its field's name in a sentence; empty when it is acceptable. */
    public static Optional<String> problem(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("is required: the server's host name or IP address");
        }
        if (host.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters, more than any host name");
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6(host) ? Optional.empty()
                    : Optional.of("is not a valid IPv6 address (give it without brackets, port or zone)");
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return IPV4.matcher(host).matches() ? Optional.empty()
                    : Optional.of("is not a valid IPv4 address (four numbers 0-255 without leading zeros)");
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of(NOT_A_HOST);
            }
        }
        return Optional.empty();
    }

    /** An IPv6 literal: only hex digits, colons and dots, starting with a hex digit or colon, so the JDK parses it
     * as a literal and never looks it up. */
    private static boolean isIpv6(String host) {
        if (!IPV6_TEXT.matcher(host).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
