package io.snapkeep.restoreworker.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.snapkeep.restoreworker.config.RestoreWorkerConfig;

/**
 * At start, deletes the temporary archives ({@link SpooledArchive}) a killed restore-worker left in
 * {@code snapkeep.restore.temp-dir}: those no process holds locked. A file another replica sharing the directory is
 * restoring from stays locked by it and is left alone.
 */
@ApplicationScoped
public class SpoolSweeper {
    private static final Logger LOG = Logger.getLogger(SpoolSweeper.class);

    private final Path dir;

    @Inject
    SpoolSweeper(RestoreWorkerConfig config) {
        this(Path.of(config.restore().tempDir()));
    }

    SpoolSweeper(Path dir) {
        this.dir = dir;
    }

    void atStart(@Observes StartupEvent start) {
        sweep();
    }

    /** @return how many left-over archives were deleted */
    public int sweep() {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                SpooledArchive.PREFIX + "*" + SpooledArchive.SUFFIX)) {
            for (Path file : files) {
                if (deleteIfUnused(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warnf("could not look for left-over temporary archives in %s: %s", dir, e.getMessage());
        }
        return deleted;
    }

    private static boolean deleteIfUnused(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            long size = Files.size(file);
            Files.delete(file);
            LOG.infof("deleted the temporary archive %s (%d bytes) a stopped restore left", file, size);
            return true;
        } catch (OverlappingFileLockException inUseHere) {
            return false;
        } catch (IOException e) {
            LOG.warnf("could not delete the temporary archive %s: %s", file, e.getMessage());
            return false;
        }
    }
}
