package io.snapkeep.restoreworker.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.snapkeep.worker.pg.PgConnection;

class MaintenanceSessionTest {

    @Test
    void requireWithARootCertificateVerifiesItAsLibpqDoes() {
        Path cert = Path.of("/tmp/root.crt");
        assertEquals("verify-ca", MaintenanceSession.sslmode(at("require", cert)));
        assertEquals("require", MaintenanceSession.sslmode(at("require", null)));
        assertEquals("verify-full", MaintenanceSession.sslmode(at("verify-full", cert)));
        assertEquals("prefer", MaintenanceSession.sslmode(at("prefer", cert)));
    }

    @Test
    void anIpv6HostIsBracketedInTheUrl() {
        assertEquals("jdbc:postgresql://[::1]:5432/postgres", MaintenanceSession.url(
                new PgConnection("::1", 5432, "postgres", "u", "disable", null, null)));
    }

    private static PgConnection at(String sslmode, Path cert) {
        return new PgConnection("db.example", 5432, "postgres", "u", sslmode, null, cert);
    }
}
