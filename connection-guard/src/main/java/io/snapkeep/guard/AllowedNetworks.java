package io.snapkeep.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The networks instances may be in ({@value #KEY}), the same setting in the catalog and the workers. A host is
 * allowed only when every address it resolves to is in one of them; with the default, {@code 0.0.0.0/0,::/0}, every
 * host is, and nothing is resolved.
 */
public final class AllowedNetworks {
    public static final String KEY = "snapkeep.instances.allowed-networks";

    private final List<Cidr> networks;

    private AllowedNetworks(List<Cidr> networks) {
        this.networks = List.copyOf(networks);
    }

    /** @throws IllegalArgumentException naming {@value #KEY} and the entry that is not a network */
    public static AllowedNetworks parse(List<String> cidrs) {
        List<Cidr> networks = new ArrayList<>();
        for (String cidr : cidrs) {
            try {
                networks.add(Cidr.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(KEY + ": " + e.getMessage(), e);
            }
        }
        if (networks.isEmpty()) {
            throw new IllegalArgumentException(KEY + " names no network: give at least one, e.g. 10.0.0.0/8");
        }
        return new AllowedNetworks(networks);
    }

    public boolean permits(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    /** Whether both address families are allowed whole, so that no host needs resolving. */
    public boolean permitsAll() {
        return networks.stream().anyMatch(n -> n.matchesWholeFamily() && n.isIpv6())
                && networks.stream().anyMatch(n -> n.matchesWholeFamily() && !n.isIpv6());
    }

    /**
     * Why {@code host} (a name or an IP literal) may not be connected to, as one sentence without a final stop; empty
     * when every address it resolves to is allowed.
     */
    public Optional<String> refusal(String host) {
        if (permitsAll()) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve, so it cannot be checked against " + KEY + " ("
                    + this + ")");
        }
        for (InetAddress address : addresses) {
            if (!permits(address)) {
                String where = host.equals(address.getHostAddress()) ? "host " + host
                        : "host " + host + " resolves to " + address.getHostAddress() + ", which";
                return Optional.of(where + " is outside the networks instances may be in (" + KEY + ": " + this
                        + ")");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return networks.stream().map(Cidr::toString).collect(Collectors.joining(","));
    }
}
