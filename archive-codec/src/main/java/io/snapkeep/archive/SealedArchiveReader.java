package io.snapkeep.archive;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Gives back the archive a {@link SealedArchiveWriter} sealed, chunk by chunk as it is read: each chunk authenticated
 * for its place, decompressed, and checked to hold a whole segment (all but the last). Read from the start, the object
 * must end exactly with the index of the chunks read; an object cut short, padded or altered anywhere makes a read
 * throw {@link ArchiveTamperedException}, never return a short archive. One segment is held at a time.
 */
public final class SealedArchiveReader extends InputStream {
    private static final int FRAME_BYTES = 1 + Integer.BYTES;

    private final DataInputStream in;
    private final ChunkCipher cipher;
    private final ObjectHeader header;
    private final byte[] segment;
    private final int maxSealed;
    private final boolean fromStart;
    private long[] seen = new long[16];
    private long index;
    private long objectOffset;
    private int position;
    private int limit;
    private boolean ended;

    private SealedArchiveReader(InputStream object, ObjectHeader header, ChunkCipher cipher, long firstChunk,
            long objectOffset, boolean fromStart) {
        this.in = new DataInputStream(object);
        this.header = header;
        this.cipher = cipher;
        this.segment = new byte[header.segmentSize()];
        this.maxSealed = Segments.bound(header.codec(), header.segmentSize()) + ChunkCipher.TAG_BYTES;
        this.index = firstChunk;
        this.objectOffset = objectOffset;
        this.fromStart = fromStart;
    }

    /**
     * Reads a whole sealed object from its first byte. {@code current} is the data key as the catalog holds it now
     * (after a re-wrap); null takes the one in the header.
     */
    public static SealedArchiveReader open(InputStream object, ArchiveKeyring keyring, WrappedKey current)
            throws IOException {
        ObjectHeader header = ObjectHeader.read(object);
        return new SealedArchiveReader(object, header, cipher(header, keyring, current), 0, header.length(), true);
    }

    /** Reads from chunk {@code chunk} on; {@code fromChunk} starts at that chunk's object offset in {@code index}. */
    public static SealedArchiveReader openAt(InputStream fromChunk, ObjectHeader header, ChunkIndex index, int chunk,
            ArchiveKeyring keyring, WrappedKey current) throws IOException {
        return new SealedArchiveReader(fromChunk, header, cipher(header, keyring, current), chunk,
                index.objectOffset(chunk), false);
    }

    private static ChunkCipher cipher(ObjectHeader header, ArchiveKeyring keyring, WrappedKey current)
            throws IOException {
        return new ChunkCipher(DataKeys.unwrap(keyring, current == null ? header.wrappedKey() : current), header);
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
        while (position == limit) {
            if (ended) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(segment, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void nextChunk() throws IOException {
        int flag = in.read();
        if (flag < 0) {
            throw new ArchiveTamperedException("the object ends before chunk " + index + " and has no last chunk:"
                    + " it was cut short");
        }
        if (flag > 1) {
            throw new ArchiveTamperedException("chunk " + index + " is not framed as a chunk");
        }
        boolean last = flag == 1;
        byte[] sealed;
        try {
            int length = in.readInt();
            if (length < ChunkCipher.TAG_BYTES || length > maxSealed) {
                throw new ArchiveTamperedException("chunk " + index + " claims " + length + " bytes");
            }
            sealed = new byte[length];
            in.readFully(sealed);
        } catch (EOFException e) {
            throw new ArchiveTamperedException("the object ends inside chunk " + index + ": it was cut short", e);
        }
        limit = Segments.expand(header.codec(), cipher.open(index, last, sealed), segment, index);
        position = 0;
        if (!last && limit != segment.length) {
            throw new ArchiveTamperedException("chunk " + index + " holds " + limit + " bytes, not a whole segment");
        }
        remember(objectOffset);
        objectOffset += FRAME_BYTES + sealed.length;
        index++;
        if (last) {
            ended = true;
            if (fromStart) {
                checkIndex();
            }
        }
    }

    private void remember(long offset) {
        if (!fromStart) {
            return;
        }
        int chunk = (int) index;
        if (chunk == seen.length) {
            seen = Arrays.copyOf(seen, chunk * 2);
        }
        seen[chunk] = offset;
    }

    private void checkIndex() throws IOException {
        int chunks = (int) index;
        long expected = ChunkIndex.entryBytes(chunks) + ChunkIndex.TAIL_BYTES;
        byte[] rest = in.readNBytes((int) expected + 1);
        if (rest.length != expected) {
            throw new ArchiveTamperedException("the object does not end with the index of its " + chunks
                    + " chunks (" + rest.length + " bytes follow the last chunk)");
        }
        byte[] tail = Arrays.copyOfRange(rest, rest.length - ChunkIndex.TAIL_BYTES, rest.length);
        ChunkIndex written = ChunkIndex.parse(Arrays.copyOf(rest, rest.length - ChunkIndex.TAIL_BYTES));
        if (ChunkIndex.count(tail) != chunks || !Arrays.equals(written.offsets(), Arrays.copyOf(seen, chunks))) {
            throw new ArchiveTamperedException("the object's chunk index does not match its chunks");
        }
    }
}
