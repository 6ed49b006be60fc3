package io.snapkeep.parts;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Memory for one upload part, in 256 KiB chunks allocated as the part grows and kept for the next part: no single
 * array limits the part size, the chunks stay below G1's humongous-object size even on a small heap, and the bytes
 * are handed to the HTTP client as they lie, without a copy. Filled either by pulling from a stream ({@link #fill})
 * or by pushing bytes in ({@link #append}).
 */
public final class PartBuffer {
    static final int CHUNK = 256 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private boolean endOfStream;

    /**
     * Empties the buffer and reads {@code in} into it until {@code limit} bytes or the end of the stream, passing each
     * block read to {@code digest} and its length to {@code progress}.
     */
    public void fill(InputStream in, long limit, MessageDigest digest, LongConsumer progress) throws IOException {
        size = 0;
        endOfStream = false;
        while (size < limit) {
            int index = (int) (size / CHUNK);
            int offset = (int) (size % CHUNK);
            if (index == chunks.size()) {
                chunks.add(new byte[CHUNK]);
            }
            byte[] chunk = chunks.get(index);
            int n = in.read(chunk, offset, (int) Math.min(CHUNK - offset, limit - size));
            if (n < 0) {
                endOfStream = true;
                return;
            }
            digest.update(chunk, offset, n);
            size += n;
            progress.accept(n);
        }
    }

    /** Empties the buffer for pushing with {@link #append}. */
    public void clear() {
        size = 0;
        endOfStream = false;
    }

    /** Appends up to {@code room} bytes of {@code bytes}; returns how many were taken. */
    public int append(byte[] bytes, int offset, int length, long room) {
        int taken = 0;
        int wanted = (int) Math.min(length, room);
        while (taken < wanted) {
            int index = (int) (size / CHUNK);
            int at = (int) (size % CHUNK);
            if (index == chunks.size()) {
                chunks.add(new byte[CHUNK]);
            }
            int n = Math.min(CHUNK - at, wanted - taken);
            System.arraycopy(bytes, offset + taken, chunks.get(index), at, n);
            taken += n;
            size += n;
        }
        return taken;
    }

    public long size() {
        return size;
    }

    /** Whether the last {@link #fill} stopped at the end of the stream rather than at its limit. */
    public boolean endOfStream() {
        return endOfStream;
    }

    /** A fresh stream over the content at each call, as the HTTP client may read it more than once (retries). */
    public ContentStreamProvider contentProvider() {
        long length = size;
        return () -> new ChunkStream(chunks, length);
    }

    private static final class ChunkStream extends InputStream {
        private final List<byte[]> chunks;
        private final long size;
        private long position;

        ChunkStream(List<byte[]> chunks, long size) {
            this.chunks = chunks;
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            int b = chunks.get((int) (position / CHUNK))[(int) (position % CHUNK)] & 0xff;
            position++;
            return b;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int inChunk = (int) (position % CHUNK);
            int n = (int) Math.min(Math.min(length, CHUNK - inChunk), size - position);
            System.arraycopy(chunks.get((int) (position / CHUNK)), inChunk, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - position);
        }
    }
}
