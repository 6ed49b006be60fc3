package io.snapkeep.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AllowedNetworksTest {

    @Test
    void theDefaultAllowsEveryHostWithoutResolvingIt() {
        AllowedNetworks any = AllowedNetworks.parse(List.of("0.0.0.0/0", "::/0"));
        assertTrue(any.permitsAll());
        assertEquals(Optional.empty(), any.refusal("no-such-host.invalid"));
        assertFalse(AllowedNetworks.parse(List.of("0.0.0.0/0")).permitsAll());
    }

    @Test
    void anAddressOutsideIsRefusedInOneSentence() {
        AllowedNetworks loopback = AllowedNetworks.parse(List.of("127.0.0.0/8", "::1/128"));
        assertEquals(Optional.empty(), loopback.refusal("127.0.0.1"));
        assertEquals(Optional.empty(), loopback.refusal("::1"));
        assertEquals(Optional.of("host 10.1.2.3 is outside the networks instances may be in"
                + " (snapkeep.instances.allowed-networks: 127.0.0.0/8,0:0:0:0:0:0:0:1/128)"),
                loopback.refusal("10.1.2.3"));
        assertTrue(loopback.refusal("2001:db8::1").isPresent());
    }

    @Test
    void aNameIsResolvedAndEachOfItsAddressesMustBeInside() {
        assertEquals(Optional.empty(), AllowedNetworks.parse(List.of("127.0.0.0/8", "::1/128")).refusal("localhost"));
        assertTrue(AllowedNetworks.parse(List.of("10.0.0.0/8")).refusal("localhost").orElseThrow()
                .startsWith("host localhost resolves to "));
        assertTrue(AllowedNetworks.parse(List.of("10.0.0.0/8")).refusal("no-such-host.invalid").orElseThrow()
                .contains("does not resolve"));
    }

    @Test
    void aBadEntryNamesTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> AllowedNetworks.parse(List.of("10.0.0.0/8", "everything"))).getMessage()
                .startsWith("snapkeep.instances.allowed-networks: 'everything' is not a network"));
        assertThrows(IllegalArgumentException.class, () -> AllowedNetworks.parse(List.of()));
    }
}
