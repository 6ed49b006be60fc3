package io.snapkeep.guard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "db", "db-1.example.com", "DB.Example.COM", "127.0.0.1", "10.1.2.3",
            "255.255.255.255", "::1", "fd00::1", "2001:db8::8a2e:370:7334", "::ffff:10.0.0.1", "1e100.net",
            "a.b-c.d" })
    void hostNamesAndIpLiteralsAreAccepted(String host) {
        assertTrue(HostSyntax.problem(host).isEmpty(), host);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "db/x", "db?sslmode=disable", "db&user=x", "host=evil", "db:5432",
            "user@db", "db example", "/var/run/postgresql", "@/tmp", "[::1]", "fe80::1%eth0", "256.0.0.1",
            "010.0.0.1", "1.2.3", "1.2.3.4.5", "-db", "db-", "db..example", "db.", "_db", "d\u00e9j\u00e0",
            "db\n", "db\0", "a:b:c:z", ".:1" })
    void anythingElseIsRefused(String host) {
        assertTrue(HostSyntax.problem(host).isPresent(), host);
    }

    @ParameterizedTest
    @ValueSource(ints = { 63, 64 })
    void labelsAreAtMost63Characters(int length) {
        String host = "a".repeat(length) + ".example";
        assertTrue(HostSyntax.problem(host).isPresent() == (length > 63));
    }
}
