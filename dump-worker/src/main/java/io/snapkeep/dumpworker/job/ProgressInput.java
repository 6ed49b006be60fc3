package io.snapkeep.dumpworker.job;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * pg_dump's output as it is read, each block counted into the job's progress: progress is in archive bytes, the
 * measure of the database's size that {@code expectedBytes} is, not in the fewer bytes stored once compressed.
 */
final class ProgressInput extends FilterInputStream {
    private final LongConsumer progress;

    ProgressInput(InputStream in, LongConsumer progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            progress.accept(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            progress.accept(n);
        }
        return n;
    }
}
