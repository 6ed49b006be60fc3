package io.snapkeep.worker.pg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Drains a child's stderr on its own thread so the child never blocks on a full pipe, keeping only the last
 * {@code capacity} bytes: the end of a tool's output is where its error is.
 */
public final class StderrTail {
    private final byte[] ring;
    private long written;
    private final Thread reader;

    private StderrTail(int capacity, InputStream in, String threadName) {
        this.ring = new byte[capacity];
        this.reader = new Thread(() -> drain(in), threadName);
        this.reader.setDaemon(true);
    }

    public static StderrTail start(InputStream in, int capacity, String threadName) {
        StderrTail tail = new StderrTail(capacity, in, threadName);
        tail.reader.start();
        return tail;
    }

    /** The text kept so far, after waiting briefly for the stream's end; prefixed by "..." when cut. */
    public String text() {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return snapshot();
    }

    synchronized String snapshot() {
        int capacity = ring.length;
        if (written <= capacity) {
            return new String(ring, 0, (int) written, StandardCharsets.UTF_8).strip();
        }
        int start = (int) (written % capacity);
        byte[] ordered = new byte[capacity];
        System.arraycopy(ring, start, ordered, 0, capacity - start);
        System.arraycopy(ring, 0, ordered, capacity - start, start);
        return "..." + new String(ordered, StandardCharsets.UTF_8).strip();
    }

    synchronized void append(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[i];
        }
    }

    private void drain(InputStream in) {
        byte[] chunk = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                append(chunk, n);
            }
        } catch (IOException e) {
            // the child is gone and its pipe closed: what was read is all there is
        }
    }
}
