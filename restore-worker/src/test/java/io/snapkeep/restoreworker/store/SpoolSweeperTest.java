package io.snapkeep.restoreworker.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up sweep of the temp dir: a temporary archive no process holds (its worker was killed) is deleted; one that
 * another process holds locked (a replica restoring from it) and files that are no temporary archive stay.
 */
class SpoolSweeperTest {
    @TempDir
    Path dir;

    @Test
    void deletesOnlyTheArchivesNoProcessHolds() throws Exception {
        Path left = Files.writeString(dir.resolve("snapkeep-restore-123.archive"), "left by a killed worker");
        Path held = Files.writeString(dir.resolve("snapkeep-restore-456.archive"), "read by a replica");
        Path other = Files.writeString(dir.resolve("notes.archive"), "not ours");
        Process replica = holdLocked(held);
        try {
            assertEquals(1, new SpoolSweeper(dir).sweep());

            assertFalse(Files.exists(left), "the archive a killed worker left is deleted");
            assertTrue(Files.exists(held), "the archive a running restore holds stays");
            assertTrue(Files.exists(other), "a file that is no temporary archive stays");
        } finally {
            replica.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(1, new SpoolSweeper(dir).sweep(), "once its holder is gone, it is left over too");
        assertFalse(Files.exists(held));
    }

    /** Another JVM that locks {@code file} as a restoring replica does, and says so on its stdout. */
    private Process holdLocked(Path file) throws IOException {
        Path source = Files.writeString(dir.resolve("Holder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Holder {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), source.toString(), file.toString()))
                .redirectErrorStream(true).start();
        String line = new String(process.getInputStream().readNBytes("locked".length()));
        assertEquals("locked", line, "the holder took its lock");
        return process;
    }
}
