package io.snapkeep.catalog.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes to a child process's input on a thread of its own, at most {@code blocks} blocks behind the caller: a reader
 * that is slow now and then (pg_restore inflating an archive) does not hold up the caller (the upload to the store)
 * until the backlog is full, and the caller's pauses (waiting for a part to be stored) do not leave the reader idle.
 * Memory: the backlog's blocks. Once the process stops reading, what is written is dropped.
 */
final class ProcessFeed {
    private static final byte[] END = new byte[0];
    private static final long OFFER_WAIT_MILLIS = 100;

    private final OutputStream input;
    private final BlockingQueue<byte[]> backlog;
    private final Thread writer;
    private volatile boolean stopped;

    ProcessFeed(OutputStream input, int blocks, String threadName) {
        this.input = input;
        this.backlog = new ArrayBlockingQueue<>(blocks);
        this.writer = new Thread(this::writeAll, threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a copy of the bytes; waits while the backlog is full. @return false once the process stopped reading */
    boolean write(byte[] bytes, int offset, int length) {
        return !stopped && enqueue(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Sends the end of input and waits until everything queued before it was written or dropped. */
    void close() {
        enqueue(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        }
    }

    /** Stops writing at once; what is queued is dropped. */
    void abort() {
        stopped = true;
        writer.interrupt();
    }

    private boolean enqueue(byte[] block) {
        try {
            while (!backlog.offer(block, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (!writer.isAlive()) {
                    return false;
                }
            }
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            return false;
        }
    }

    private void writeAll() {
        try {
            for (byte[] block = backlog.take(); block != END; block = backlog.take()) {
                if (!stopped) {
                    write(block);
                }
            }
        } catch (InterruptedException e) {
            stopped = true;
        } finally {
            closeInput();
        }
    }

    private void write(byte[] block) {
        try {
            input.write(block);
        } catch (IOException e) {
            stopped = true;
        }
    }

    private void closeInput() {
        try {
            input.close();
        } catch (IOException e) {
            stopped = true;
        }
    }
}
