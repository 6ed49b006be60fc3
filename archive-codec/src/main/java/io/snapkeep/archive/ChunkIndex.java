package io.snapkeep.archive;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where each chunk starts in the object, written after the last chunk: the offsets, their count, then the magic
 * {@code SNKAIDX1}. Chunk {@code i} holds archive bytes from {@code i × segmentSize}, so an archive offset finds its
 * chunk by division and the chunk's object offset here: a range is read without reading from the start. A wrong entry
 * cannot pass off other bytes: the chunk found there fails authentication for its index.
 */
public final class ChunkIndex {
    /** The last bytes of a sealed object: the chunk count and the magic. */
    public static final int TAIL_BYTES = Long.BYTES + 8;
    private static final byte[] MAGIC = "SNKAIDX1".getBytes(StandardCharsets.US_ASCII);

    private final long[] offsets;

    ChunkIndex(long[] offsets) {
        this.offsets = offsets;
    }

    /** The number of chunks, read from the object's last {@link #TAIL_BYTES} bytes. */
    public static int count(byte[] tail) throws ArchiveTamperedException {
        ByteBuffer in = ByteBuffer.wrap(tail);
        if (tail.length != TAIL_BYTES
                || !Arrays.equals(Arrays.copyOfRange(tail, Long.BYTES, TAIL_BYTES), MAGIC)) {
            throw new ArchiveTamperedException("the object does not end with a chunk index");
        }
        long count = in.getLong();
        if (count < 1 || count > Integer.MAX_VALUE / Long.BYTES) {
            throw new ArchiveTamperedException("the chunk index names " + count + " chunks");
        }
        return (int) count;
    }

    /** The index from its entries: the {@code count × 8} bytes before the tail. */
    public static ChunkIndex parse(byte[] entries) throws ArchiveTamperedException {
        if (entries.length % Long.BYTES != 0) {
            throw new ArchiveTamperedException("the chunk index is cut");
        }
        ByteBuffer in = ByteBuffer.wrap(entries);
        long[] offsets = new long[entries.length / Long.BYTES];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = in.getLong();
        }
        return new ChunkIndex(offsets);
    }

    /** How many bytes the index's entries take, for {@code count} chunks. */
    public static long entryBytes(int count) {
        return (long) count * Long.BYTES;
    }

    public int chunks() {
        return offsets.length;
    }

    /** The object offset where chunk {@code chunk} starts. */
    public long objectOffset(int chunk) {
        return offsets[chunk];
    }

    /** The chunk that holds archive offset {@code archiveOffset}. */
    public int chunkOf(long archiveOffset, ObjectHeader header) {
        return (int) Math.min(offsets.length - 1, archiveOffset / header.segmentSize());
    }

    long[] offsets() {
        return offsets.clone();
    }

    void write(DataOutputStream out) throws IOException {
        for (long offset : offsets) {
            out.writeLong(offset);
        }
        out.writeLong(offsets.length);
        out.write(MAGIC);
    }
}
