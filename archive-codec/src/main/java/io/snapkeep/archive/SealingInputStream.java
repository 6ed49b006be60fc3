package io.snapkeep.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The sealed object of an archive read from {@code source}, to be read by whoever stores it (a multipart upload
 * reads an InputStream): each read pulls the next block of the archive through a {@link SealedArchiveWriter}. Runs on
 * the reader's thread (with the writer's compressing threads); holds only the sealed chunks of the last block.
 * {@link #summary()} once it returned -1; {@link #close()} before that abandons the writer.
 */
public final class SealingInputStream extends InputStream {
    private static final int BLOCK = 64 * 1024;

    private final InputStream source;
    private final Emitted emitted = new Emitted();
    private final SealedArchiveWriter writer;
    private final byte[] block = new byte[BLOCK];
    private int position;
    private boolean finished;

    private SealingInputStream(InputStream source, ArchiveKeyring keyring, StageSettings settings) throws IOException {
        this.source = source;
        this.writer = SealedArchiveWriter.open(emitted, keyring, settings);
    }

    public static SealingInputStream of(InputStream source, ArchiveKeyring keyring, StageSettings settings)
            throws IOException {
        return new SealingInputStream(source, keyring, settings);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == emitted.size()) {
            if (finished) {
                return -1;
            }
            pull();
        }
        int n = Math.min(length, emitted.size() - position);
        System.arraycopy(emitted.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }

    private void pull() throws IOException {
        emitted.reset();
        position = 0;
        int n = source.read(block);
        if (n < 0) {
            writer.close();
            finished = true;
        } else {
            writer.write(block, 0, n);
        }
    }

    /** What was sealed: the archive's and the object's size and SHA-256, and the chain. */
    public SealedSummary summary() {
        return writer.summary();
    }

    @Override
    public void close() {
        if (!finished) {
            writer.abandon();
        }
    }

    /** The writer's sink, read from its own buffer without a copy. */
    private static final class Emitted extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }
}
