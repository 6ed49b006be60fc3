package io.snapkeep.restoreworker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.snapkeep.worker.support.WorkerConfigs;

/** The restore worker's mapping beside the shared ones, every key set through its environment variable. */
class RestoreWorkerConfigTest {

    @Test
    void everyVariableReachesItsSetting() {
        var config = WorkerConfigs.fromEnvironment(WorkerConfigs.withShared(Map.of("SNAPKEEP_RESTORE_SWAP_ATTEMPTS",
                "9", "SNAPKEEP_RESTORE_MAINTENANCE_DATABASE", "admin", "SNAPKEEP_RESTORE_TEMP_DIR", "/var/tmp")),
                RestoreWorkerConfig.class);

        WorkerConfigs.assertSharedSettings(config);
        RestoreWorkerConfig.Restore restore = config.getConfigMapping(RestoreWorkerConfig.class).restore();
        assertEquals(9, restore.swapAttempts());
        assertEquals("admin", restore.maintenanceDatabase());
        assertEquals("/var/tmp", restore.tempDir());
    }

    @Test
    void unsetRestoreKeysTakeTheirDefaults() {
        var restore = WorkerConfigs.fromEnvironment(WorkerConfigs.REQUIRED_ENVIRONMENT,
                RestoreWorkerConfig.class).getConfigMapping(RestoreWorkerConfig.class).restore();

        assertEquals(5, restore.swapAttempts());
        assertEquals("postgres", restore.maintenanceDatabase());
        assertEquals(Duration.ofSeconds(10), restore.connectTimeout());
        assertEquals(System.getProperty("java.io.tmpdir"), restore.tempDir());
    }
}
