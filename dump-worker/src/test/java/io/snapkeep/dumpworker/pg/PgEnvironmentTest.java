package io.snapkeep.dumpworker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PgEnvironmentTest {
    private final PgConnection connection = new PgConnection("db.example", 6432, "netbox", "backup", "require",
            "s3cr3t");

    @Test
    void putsTheConnectionInTheEnvironmentAndDropsInheritedPgVariables() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "PGSERVICE", "prod", "PGPASSFILE", "/x",
                "PGOPTIONS", "-c search_path=evil"));
        PgEnvironment.apply(env, connection, Duration.ofSeconds(15));
        assertEquals("/usr/bin", env.get("PATH"));
        assertEquals("db.example", env.get("PGHOST"));
        assertEquals("6432", env.get("PGPORT"));
        assertEquals("netbox", env.get("PGDATABASE"));
        assertEquals("backup", env.get("PGUSER"));
        assertEquals("require", env.get("PGSSLMODE"));
        assertEquals("s3cr3t", env.get("PGPASSWORD"));
        assertEquals("15", env.get("PGCONNECT_TIMEOUT"));
        assertFalse(env.containsKey("PGSERVICE"));
        assertFalse(env.containsKey("PGPASSFILE"));
        assertFalse(env.containsKey("PGOPTIONS"));
    }

    @Test
    void noPasswordNoSslmodeSetsNeither() {
        Map<String, String> env = new HashMap<>(Map.of("PGPASSWORD", "inherited"));
        PgEnvironment.apply(env, new PgConnection("h", 5432, "d", "u", null, null), Duration.ofSeconds(10));
        assertNull(env.get("PGPASSWORD"));
        assertNull(env.get("PGSSLMODE"));
    }

    @Test
    void theConnectionsTextNeverShowsThePassword() {
        assertFalse(connection.toString().contains("s3cr3t"));
    }
}
