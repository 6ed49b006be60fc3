package io.snapkeep.worker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PgEnvironmentTest {
    private final PgConnection connection = new PgConnection("db.example", 6432, "netbox", "backup", "require",
            "s3cr3t", Path.of("/tmp/snapkeep-root-1.crt"));

    @Test
    void putsTheConnectionInAnEnvironmentBuiltFromNothing() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "PGSERVICE", "prod", "PGPASSFILE", "/x",
                "PGOPTIONS", "-c search_path=evil", "HOME", "/home/worker", "SNAPKEEP_CRYPTO_KEY", "key",
                "AWS_SECRET_ACCESS_KEY", "secret", "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", "s",
                "PGSSLROOTCERT", "/etc/inherited.crt"));
        new PgEnvironment("snapkeep-test-worker", Duration.ofSeconds(15)).apply(env, connection);
        assertEquals("/usr/bin", env.get("PATH"));
        assertEquals("db.example", env.get("PGHOST"));
        assertEquals("6432", env.get("PGPORT"));
        assertEquals("netbox", env.get("PGDATABASE"));
        assertEquals("backup", env.get("PGUSER"));
        assertEquals("require", env.get("PGSSLMODE"));
        assertEquals("/tmp/snapkeep-root-1.crt", env.get("PGSSLROOTCERT"));
        assertEquals("s3cr3t", env.get("PGPASSWORD"));
        assertEquals("15", env.get("PGCONNECT_TIMEOUT"));
        assertEquals("snapkeep-test-worker", env.get("PGAPPNAME"));
        assertEquals("/dev/null", env.get("PGPASSFILE"));
        assertEquals("/dev/null", env.get("PGSERVICEFILE"));
        assertEquals(12, env.size(), env.keySet()::toString);
    }

    @Test
    void noPasswordNoSslmodeNoRootCertSetsNone() {
        Map<String, String> env = new HashMap<>(Map.of("PGPASSWORD", "inherited", "PGSSLROOTCERT", "/inherited"));
        new PgEnvironment("snapkeep-test-worker", Duration.ofSeconds(10)).apply(env,
                new PgConnection("h", 5432, "d", "u", null, null, null));
        assertNull(env.get("PGPASSWORD"));
        assertNull(env.get("PGSSLMODE"));
        assertNull(env.get("PGSSLROOTCERT"));
    }

    @Test
    void theConnectionsTextNeverShowsThePassword() {
        assertFalse(connection.toString().contains("s3cr3t"));
    }
}
