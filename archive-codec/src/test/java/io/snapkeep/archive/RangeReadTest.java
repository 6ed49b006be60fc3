package io.snapkeep.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Any range of the archive is read from the chunk that holds its first byte, through the object's chunk index. */
class RangeReadTest {
    private static final int SEGMENT = 4096;

    @Test
    void randomRangesEqualTheSameRangesOfTheArchive() throws IOException {
        byte[] archive = Archives.dumpLike(20 * SEGMENT + 777, 9);
        byte[] object = Archives.seal(archive, Archives.KEYRING, new StageSettings(Codec.ZSTD, 1, 2, SEGMENT))
                .object();
        ObjectHeader header = ObjectHeader.read(new ByteArrayInputStream(object));
        ChunkIndex index = indexOf(object);
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            int first = random.nextInt(archive.length);
            int length = 1 + random.nextInt(Math.min(archive.length - first, 3 * SEGMENT));
            assertArrayEquals(Arrays.copyOfRange(archive, first, first + length),
                    read(object, header, index, first, length), "range " + first + "+" + length);
        }
        int last = archive.length - 1;
        assertArrayEquals(new byte[] {archive[last]}, read(object, header, index, last, 1));
    }

    private static byte[] read(byte[] object, ObjectHeader header, ChunkIndex index, long first, int length)
            throws IOException {
        int chunk = index.chunkOf(first, header);
        int start = (int) index.objectOffset(chunk);
        try (SealedArchiveReader reader = SealedArchiveReader.openAt(
                new ByteArrayInputStream(object, start, object.length - start), header, index, chunk,
                Archives.KEYRING, null)) {
            reader.skipNBytes(first - (long) chunk * header.segmentSize());
            return reader.readNBytes(length);
        }
    }

    static ChunkIndex indexOf(byte[] object) throws IOException {
        int count = ChunkIndex.count(Arrays.copyOfRange(object, object.length - ChunkIndex.TAIL_BYTES, object.length));
        int start = object.length - ChunkIndex.TAIL_BYTES - (int) ChunkIndex.entryBytes(count);
        return ChunkIndex.parse(Arrays.copyOfRange(object, start, object.length - ChunkIndex.TAIL_BYTES));
    }
}
