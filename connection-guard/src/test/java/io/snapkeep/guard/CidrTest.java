package io.snapkeep.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4NetworksMatchUnderTheirPrefix() {
        Cidr net = Cidr.parse("10.0.0.0/8");
        assertTrue(net.contains(ip("10.0.0.1")));
        assertTrue(net.contains(ip("10.255.255.255")));
        assertFalse(net.contains(ip("11.0.0.0")));
        assertFalse(net.contains(ip("9.255.255.255")));
    }

    @Test
    void prefixesThatCutABytePartlyMatchBitByBit() {
        Cidr net = Cidr.parse("192.168.4.0/22");
        assertTrue(net.contains(ip("192.168.4.0")));
        assertTrue(net.contains(ip("192.168.7.255")));
        assertFalse(net.contains(ip("192.168.8.0")));
        assertFalse(net.contains(ip("192.168.3.255")));
    }

    @Test
    void ipv6NetworksMatchUnderTheirPrefix() {
        Cidr net = Cidr.parse("fd00:1234::/32");
        assertTrue(net.contains(ip("fd00:1234::1")));
        assertTrue(net.contains(ip("fd00:1234:ffff:ffff:ffff:ffff:ffff:ffff")));
        assertFalse(net.contains(ip("fd00:1235::1")));
        Cidr odd = Cidr.parse("2001:db8:8000::/33");
        assertTrue(odd.contains(ip("2001:db8:ffff::1")));
        assertFalse(odd.contains(ip("2001:db8:7fff::1")));
    }

    @Test
    void aSingleAddressIsAWholePrefixAndZeroMatchesItsFamilyOnly() {
        assertTrue(Cidr.parse("127.0.0.1").contains(ip("127.0.0.1")));
        assertFalse(Cidr.parse("127.0.0.1").contains(ip("127.0.0.2")));
        assertTrue(Cidr.parse("::1").contains(ip("::1")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("2001:db8::1")));
        assertTrue(Cidr.parse("::/0").contains(ip("2001:db8::1")));
        assertFalse(Cidr.parse("::/0").contains(ip("203.0.113.9")));
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsIpv4() {
        assertTrue(Cidr.parse("10.0.0.0/8").contains(ip("::ffff:10.1.2.3")));
    }

    @Test
    void malformedNetworksAreRefusedWithASentence() {
        assertEquals("'10.0.0.0/33' has no valid prefix: use /0 to /32",
                assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("fd00::/129"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/+8"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com/24"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0/8"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.1.2.3/8")).getMessage()
                .contains("bits set past its /8 prefix"));
    }

    @Test
    void itPrintsAsAddressAndPrefix() {
        assertEquals("10.0.0.0/8", Cidr.parse(" 10.0.0.0/8 ").toString());
        assertEquals("fd00:0:0:0:0:0:0:0/8", Cidr.parse("fd00::/8").toString());
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
