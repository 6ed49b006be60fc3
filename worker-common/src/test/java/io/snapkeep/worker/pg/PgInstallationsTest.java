package io.snapkeep.worker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgInstallationsTest {

    @Test
    void expandsAVersionWildcard(@TempDir Path root) throws Exception {
        Path v13 = Files.createDirectories(root.resolve("postgresql/13/bin"));
        Path v16 = Files.createDirectories(root.resolve("postgresql/16/bin"));
        Files.createDirectories(root.resolve("postgresql/common"));
        assertEquals(List.of(v13, v16), PgInstallations.expand(root + "/postgresql/*/bin"));
    }

    @Test
    void keepsPlainDirectoriesThatExistAndDropsMissingOnes(@TempDir Path root) {
        assertEquals(List.of(root), PgInstallations.expand(root.toString()));
        assertEquals(List.of(), PgInstallations.expand(root + "/missing/*/bin"));
        assertEquals(List.of(), PgInstallations.expand(root + "/missing"));
    }
}
