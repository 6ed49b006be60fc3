package io.snapkeep.restoreworker.plain;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A plain, unsynchronized write buffer in front of psql's stdin: the filter hands over one byte at a time, and a
 * {@link java.io.BufferedOutputStream} would take a lock for each.
 */
final class ByteSink {
    private static final int SIZE = 64 * 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private int count;

    ByteSink(OutputStream out) {
        this.out = out;
    }

    void write(int b) throws IOException {
        if (count == SIZE) {
            drain();
        }
        buffer[count++] = (byte) b;
    }

    void write(byte[] bytes) throws IOException {
        drain();
        out.write(bytes);
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    void close() throws IOException {
        out.close();
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }
}
