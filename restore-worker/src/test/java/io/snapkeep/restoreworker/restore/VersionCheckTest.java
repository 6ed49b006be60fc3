package io.snapkeep.restoreworker.restore;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.worker.pg.PgVersion;

class VersionCheckTest {
    private static final PgVersion TARGET = PgVersion.parse("15.20 (Debian 15.20-0+deb12u1)");

    @Test
    void sameOrOlderSourcesRestore() {
        assertDoesNotThrow(() -> VersionCheck.requireRestorable("15.4", TARGET));
        assertDoesNotThrow(() -> VersionCheck.requireRestorable("9.6.24", TARGET));
        assertDoesNotThrow(() -> VersionCheck.requireRestorable(null, TARGET));
        assertDoesNotThrow(() -> VersionCheck.requireRestorable("not a version", TARGET));
    }

    @Test
    void aNewerSourceIsRefusedNamingBothVersions() {
        String message = assertThrows(RestoreFailure.class, () -> VersionCheck.requireRestorable("16.1", TARGET))
                .getMessage();

        assertTrue(message.contains("16.1") && message.contains("15.20"), message);
    }
}
