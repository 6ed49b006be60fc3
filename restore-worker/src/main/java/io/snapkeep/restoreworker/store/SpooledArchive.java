package io.snapkeep.restoreworker.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.jboss.logging.Logger;

import io.snapkeep.restoreworker.RestoreFailure;

/**
 * An archive downloaded to a temporary file (owner-only permissions), for the restores that need a seekable file or
 * must check the archive before they touch anything. Closing it deletes the file.
 */
public final class SpooledArchive implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpooledArchive.class);

    private final Path file;

    private SpooledArchive(Path file) {
        this.file = file;
    }

    /** Copies {@code archive} to a new file in {@code dir}; fails before writing when the disk has too little room. */
    public static SpooledArchive download(ArchiveStream archive, long size, Path dir) throws IOException {
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (usable < size) {
            throw new RestoreFailure("the archive (" + size + " bytes) does not fit in snapkeep.restore.temp-dir " + dir
                    + " (" + usable + " bytes free): free space there or point the setting at a larger disk");
        }
        Path file = Files.createTempFile(dir, "snapkeep-restore-", ".archive",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        SpooledArchive spooled = new SpooledArchive(file);
        try (OutputStream out = Files.newOutputStream(file)) {
            archive.transferTo(out);
        } catch (IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
        return spooled;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete the temporary archive %s: %s", file, e.getMessage());
        }
    }
}
