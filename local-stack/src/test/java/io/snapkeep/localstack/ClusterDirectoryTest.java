package io.snapkeep.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterDirectoryTest {

    @Test
    void aHomeHasOneStablePlaceUnderVarTmpThatOutlivesARelease(@TempDir Path checkout) throws IOException {
        Path home = checkout.resolve(".local");
        ClusterDirectory directory = ClusterDirectory.stableFor(home);
        Path parent = directory.path().getParent();
        try {
            assertEquals(Path.of("/var/tmp", "snapkeep-" + ClusterDirectory.hash(home), "postgres"), directory.path());
            assertEquals(directory.path(), ClusterDirectory.stableFor(home.resolve("x/..")).path());
            assertNotEquals(directory.path(), ClusterDirectory.stableFor(home.resolveSibling("other")).path());
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(parent)));

            Files.createDirectories(directory.path());
            directory.release();
            assertTrue(Files.isDirectory(directory.path()));
        } finally {
            Files.deleteIfExists(directory.path());
            Files.deleteIfExists(parent);
            Files.deleteIfExists(ClusterDirectory.stableFor(home.resolveSibling("other")).path().getParent());
        }
    }

    @Test
    void aFreshOneIsPrivateAndGoneWithAllInItWhenReleased() throws IOException {
        ClusterDirectory directory = ClusterDirectory.fresh();
        Files.createDirectories(directory.path().resolve("data"));
        Files.writeString(directory.path().resolve("data/PG_VERSION"), "15\n");

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.path())));
        directory.release();

        assertFalse(Files.exists(directory.path()));
    }
}
