package io.snapkeep.dumpworker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.snapkeep.worker.support.WorkerConfigs;

/**
 * The dump worker's mapping beside the shared ones, set as the deployments set them (environment variables): every
 * name still reaches its setting.
 */
class DumpWorkerConfigTest {

    @Test
    void readsTheSharedAndTheDumpKeysFromTheEnvironment() {
        SmallRyeConfig config = WorkerConfigs.fromEnvironment(WorkerConfigs.withShared(Map.of(
                "SNAPKEEP_DUMP_PART_SIZE", "16M", "SNAPKEEP_DUMP_COMPRESSION_LEVEL", "6",
                "SNAPKEEP_DUMP_CONNECT_TIMEOUT", "20s")), DumpWorkerConfig.class);

        WorkerConfigs.assertSharedSettings(config);
        DumpWorkerConfig.Dump dump = config.getConfigMapping(DumpWorkerConfig.class).dump();
        assertEquals(16L << 20, dump.partSize().asLongValue());
        assertEquals(6, dump.compressionLevel());
        assertEquals(Duration.ofSeconds(20), dump.connectTimeout());
    }

    @Test
    void theDumpDefaultsHold() {
        DumpWorkerConfig.Dump dump = WorkerConfigs.fromEnvironment(WorkerConfigs.REQUIRED_ENVIRONMENT,
                DumpWorkerConfig.class).getConfigMapping(DumpWorkerConfig.class).dump();

        assertEquals(8L << 20, dump.partSize().asLongValue());
        assertEquals(512L << 20, dump.maxPartSize().asLongValue());
        assertEquals(0, dump.compressionLevel());
        assertEquals(Duration.ofSeconds(10), dump.connectTimeout());
        assertTrue(dump.pgBinDirs().contains("/usr/lib/postgresql/*/bin"), dump.pgBinDirs()::toString);
    }
}
