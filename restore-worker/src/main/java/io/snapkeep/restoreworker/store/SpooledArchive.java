package io.snapkeep.restoreworker.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.jboss.logging.Logger;

import io.snapkeep.restoreworker.RestoreFailure;

/**
 * An archive downloaded to a temporary file (owner-only permissions, named {@value #PREFIX}…{@value #SUFFIX}), for the
 * restores that need a seekable file or must check the archive before they touch anything. The file stays locked
 * (an exclusive lock of this process) while it is in use, so that {@link SpoolSweeper} tells a file a killed worker left
 * from one a running restore reads. Closing it deletes the file.
 */
public final class SpooledArchive implements AutoCloseable {
    static final String PREFIX = "snapkeep-restore-";
    static final String SUFFIX = ".archive";
    private static final Logger LOG = Logger.getLogger(SpooledArchive.class);

    private final Path file;
    private final FileChannel channel;

    private SpooledArchive(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Copies {@code archive} to a new file in {@code dir}; fails before writing when the disk has too little room. */
    public static SpooledArchive download(ArchiveStream archive, long size, Path dir) throws IOException {
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (usable < size) {
            throw new RestoreFailure("the archive (" + size + " bytes) does not fit in snapkeep.restore.temp-dir " + dir
                    + " (" + usable + " bytes free): free space there or point the setting at a larger disk");
        }
        Path file = Files.createTempFile(dir, PREFIX, SUFFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        SpooledArchive spooled = new SpooledArchive(file, channel);
        try {
            channel.lock();
            archive.transferTo(Channels.newOutputStream(channel));
        } catch (IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
        return spooled;
    }

    public Path file() {
        return file;
    }

    /**
     * The file's bytes from its start, read through the locked channel: opening the file anew and closing it would
     * drop this process's lock on it.
     */
    public InputStream open() {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }
        };
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            channel.close();
        } catch (IOException e) {
            LOG.warnf("could not delete the temporary archive %s: %s", file, e.getMessage());
        }
    }
}
