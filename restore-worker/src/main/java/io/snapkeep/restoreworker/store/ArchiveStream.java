package io.snapkeep.restoreworker.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

import io.snapkeep.restoreworker.RestoreFailure;

/**
 * The bytes of an archive as they are read, counted and hashed (SHA-256) on the way, each block reported to a progress
 * callback. {@link #verify} then tells whether exactly the snapshot's bytes were read.
 */
public final class ArchiveStream extends InputStream {
    private static final int DRAIN_BUFFER = 64 * 1024;

    private final InputStream source;
    private final MessageDigest sha256;
    private final LongConsumer progress;
    private long bytes;
    private boolean ended;
    private String hex;

    public ArchiveStream(InputStream source, LongConsumer progress) {
        this.source = source;
        this.progress = progress;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = source.read(buffer, offset, length);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            bytes += n;
            progress.accept(n);
        } else if (n < 0) {
            ended = true;
        }
        return n;
    }

    /** Reads what is left, so that the checksum covers the whole object even when the tool stopped reading early. */
    public void drain() throws IOException {
        byte[] buffer = new byte[DRAIN_BUFFER];
        while (read(buffer, 0, buffer.length) >= 0) {
            // counted and hashed by read
        }
    }

    public long bytes() {
        return bytes;
    }

    /**
     * Passes only when the stream was read to its end, its size is {@code expectedSize} (when above 0) and its SHA-256
     * is {@code expectedSha256}.
     *
     * @return the SHA-256 (hex) of what was read
     */
    public String verify(String expectedSha256, long expectedSize) {
        if (!ended) {
            throw new IllegalStateException("the archive was not read to its end");
        }
        if (hex == null) {
            hex = HexFormat.of().formatHex(sha256.digest());
        }
        String actual = hex;
        if (expectedSize > 0 && bytes != expectedSize) {
            throw new RestoreFailure("the archive in the store is truncated or damaged: " + bytes
                    + " bytes were read, the snapshot has " + expectedSize);
        }
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new RestoreFailure("the archive in the store is corrupt: the SHA-256 of its " + bytes
                    + " bytes is " + actual + ", the snapshot's checksum is " + expectedSha256.toLowerCase());
        }
        return actual;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
