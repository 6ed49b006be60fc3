package io.snapkeep.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    @Test
    void keepsOnlyThePathTheLocaleAndTheZone() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "LANG", "C.UTF-8", "LC_ALL", "C",
                "TZ", "UTC", "HOME", "/home/snapkeep", "SNAPKEEP_CRYPTO_KEY", "k", "AWS_SECRET_ACCESS_KEY", "s",
                "QUARKUS_DATASOURCE_PASSWORD", "p", "PGPASSWORD", "inherited", "PGSERVICE", "prod"));
        ChildEnvironment.reduce(env);
        assertEquals(Map.of("PATH", "/usr/bin", "LANG", "C.UTF-8", "LC_ALL", "C", "TZ", "UTC", "PGPASSFILE",
                "/dev/null", "PGSERVICEFILE", "/dev/null"), env);
    }
}
