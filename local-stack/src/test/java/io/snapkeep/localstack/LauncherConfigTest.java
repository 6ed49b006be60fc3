package io.snapkeep.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherConfigTest {
    private static final Path REPO = Path.of("/srv/snapkeep");

    @Test
    void defaultsToOneDumpWorkerAndTheDocumentedPorts() {
        LauncherConfig config = LauncherConfig.fromEnvironment(Map.of(), REPO);

        assertEquals(1, config.dumpWorkers());
        assertEquals(19092, config.kafkaPort());
        assertEquals(19000, config.s3Port());
        assertEquals(REPO.resolve(".local"), config.home());
    }

    @Test
    void startsAsManyDumpWorkersAsAsked() {
        assertEquals(2, LauncherConfig.fromEnvironment(Map.of("SNAPKEEP_DUMP_WORKERS", " 2 "), REPO).dumpWorkers());
    }

    @Test
    void refusesNoDumpWorkerAndNonNumbers() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LauncherConfig.fromEnvironment(Map.of("SNAPKEEP_DUMP_WORKERS", "0"), REPO));
        assertEquals("SNAPKEEP_DUMP_WORKERS must be at least 1: 0", zero.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> LauncherConfig.fromEnvironment(Map.of("SNAPKEEP_DUMP_WORKERS", "two"), REPO));
        assertEquals("SNAPKEEP_DUMP_WORKERS is not a number: two", word.getMessage());
    }
}
