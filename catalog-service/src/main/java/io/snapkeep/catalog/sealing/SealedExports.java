package io.snapkeep.catalog.sealing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.archive.ChunkIndex;
import io.snapkeep.archive.ObjectHeader;
import io.snapkeep.archive.SealedArchiveReader;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.store.ArchiveObjects;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The archive of a sealed snapshot, opened from its object on the way out: all of it, read from the object's start
 * (every chunk authenticated, the index checked at the end), or one range of it, read from the chunk that holds its
 * first byte (found through the chunk index at the object's end, two small reads), so a resumed download does not read
 * the object from its start. A chunk that fails authentication makes the read throw.
 */
@ApplicationScoped
public class SealedExports {
    private final ArchiveObjects objects;
    private final ArchiveSealing sealing;

    public SealedExports(ArchiveObjects objects, ArchiveSealing sealing) {
        this.objects = objects;
        this.sealing = sealing;
    }

    public ExportStream whole(Snapshot snapshot) throws IOException {
        ResponseInputStream<GetObjectResponse> object = objects.read(snapshot.objectKey, null, null);
        try {
            return new ExportStream(SealedArchiveReader.open(object, sealing.keyring(), ArchiveChains.keyOf(snapshot)),
                    object);
        } catch (IOException | RuntimeException e) {
            object.abort();
            throw e;
        }
    }

    /** Archive bytes {@code first} to {@code last} (inclusive); the stream ends after them. */
    public ExportStream range(Snapshot snapshot, long first, long last) throws IOException {
        long stored = snapshot.storedBytes;
        ObjectHeader header = ObjectHeader.read(small(snapshot, 0, Math.min(stored, ObjectHeader.MAX_BYTES) - 1));
        int count = ChunkIndex.count(small(snapshot, stored - ChunkIndex.TAIL_BYTES, stored - 1).readAllBytes());
        long entries = ChunkIndex.entryBytes(count);
        long indexStart = stored - ChunkIndex.TAIL_BYTES - entries;
        ChunkIndex index = ChunkIndex.parse(small(snapshot, indexStart, indexStart + entries - 1).readAllBytes());
        int firstChunk = index.chunkOf(first, header);
        int lastChunk = index.chunkOf(last, header);
        long end = lastChunk + 1 < index.chunks() ? index.objectOffset(lastChunk + 1) - 1 : indexStart - 1;
        ResponseInputStream<GetObjectResponse> object = objects.read(snapshot.objectKey,
                index.objectOffset(firstChunk), end);
        try {
            SealedArchiveReader reader = SealedArchiveReader.openAt(object, header, index, firstChunk,
                    sealing.keyring(), ArchiveChains.keyOf(snapshot));
            reader.skipNBytes(first - (long) firstChunk * header.segmentSize());
            return new ExportStream(new BoundedInput(reader, last - first + 1), object);
        } catch (IOException | RuntimeException e) {
            object.abort();
            throw e;
        }
    }

    private InputStream small(Snapshot snapshot, long first, long last) {
        try (ResponseInputStream<GetObjectResponse> in = objects.read(snapshot.objectKey, first, last)) {
            return new ByteArrayInputStream(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the index of " + snapshot.objectKey + " failed", e);
        }
    }

    /** Ends after {@code limit} bytes. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInput(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
