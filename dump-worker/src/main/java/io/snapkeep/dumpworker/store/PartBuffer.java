package io.snapkeep.dumpworker.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Memory for one upload part, made of 1 MiB chunks allocated as the part grows and kept for the next part: no single
 * array limits the part size, and the bytes are handed to the HTTP client as they lie, without a copy.
 */
public final class PartBuffer {
    static final int CHUNK = 1 << 20;

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

    public long size() {
        return size;
    }

    /** Whether the last {@link #fill} stopped at the end of the stream rather than at its limit. */
    public boolean endOfStream() {
        return endOfStream;
    }

    /** A fresh stream over the content at each call, as the HTTP client may read it more than once (retries). */
    public ContentStreamProvider contentProvider() {
        return () -> new ChunkStream(chunks, size);
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
