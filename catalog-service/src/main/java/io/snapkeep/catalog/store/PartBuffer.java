package io.snapkeep.catalog.store;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Memory for one upload part, in 256 KiB chunks allocated as the part grows and kept for the next part: no single array
 * limits the part size, the chunks stay below G1's humongous-object size even on a small heap, and the HTTP client
 * reads them in place.
 */
final class PartBuffer {
    static final int CHUNK = 256 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    void clear() {
        size = 0;
    }

    /** Appends up to {@code room} bytes of {@code bytes}; returns how many were taken. */
    int append(byte[] bytes, int offset, int length, long room) {
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

    long size() {
        return size;
    }

    /** A fresh stream over the content at each call, as the HTTP client may read it more than once (retries). */
    ContentStreamProvider contentProvider() {
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
            int at = (int) (position % CHUNK);
            int n = (int) Math.min(Math.min(length, CHUNK - at), size - position);
            System.arraycopy(chunks.get((int) (position / CHUNK)), at, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - position);
        }
    }
}
