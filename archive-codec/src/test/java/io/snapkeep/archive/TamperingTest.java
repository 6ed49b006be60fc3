package io.snapkeep.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way a stored object can be altered ends the read with an error, never with a short or wrong archive. */
class TamperingTest {
    private static final int SEGMENT = 4096;
    private static byte[] archive;
    private static byte[] object;
    private static ChunkIndex index;
    private static ObjectHeader header;

    @BeforeAll
    static void seal() throws IOException {
        archive = Archives.dumpLike(5 * SEGMENT + 100, 3);
        object = Archives.seal(archive, Archives.KEYRING, new StageSettings(Codec.ZSTD, 1, 2, SEGMENT)).object();
        header = ObjectHeader.read(new ByteArrayInputStream(object));
        byte[] tail = Arrays.copyOfRange(object, object.length - ChunkIndex.TAIL_BYTES, object.length);
        int count = ChunkIndex.count(tail);
        int start = object.length - ChunkIndex.TAIL_BYTES - (int) ChunkIndex.entryBytes(count);
        index = ChunkIndex.parse(Arrays.copyOfRange(object, start, object.length - ChunkIndex.TAIL_BYTES));
        assertArrayEquals(archive, Archives.open(object, Archives.KEYRING, null));
    }

    @Test
    void everySingleFlippedByteIsCaught() {
        for (int position = 0; position < object.length; position++) {
            byte[] altered = object.clone();
            altered[position] ^= 0x01;
            int at = position;
            assertThrows(IOException.class, () -> Archives.open(altered, Archives.KEYRING, null),
                    "a flipped byte at " + at + " of " + object.length);
        }
    }

    @Test
    void aDroppedChunkIsCaught() {
        assertRefused(concat(range(0, chunkStart(2)), range(chunkStart(3), object.length)), "authentication");
    }

    @Test
    void twoSwappedChunksAreCaught() {
        assertRefused(concat(range(0, chunkStart(1)), range(chunkStart(2), chunkStart(3)),
                range(chunkStart(1), chunkStart(2)), range(chunkStart(3), object.length)), "authentication");
    }

    @Test
    void aCutAtAChunkBoundaryIsCaught() {
        for (int chunk = 1; chunk < index.chunks(); chunk++) {
            assertRefused(range(0, chunkStart(chunk)), "cut short");
        }
    }

    @Test
    void aCutInsideAChunkOrTheIndexIsCaught() {
        assertRefused(range(0, chunkStart(2) + 100), "cut short");
        assertRefused(range(0, object.length - 3), "index");
        assertRefused(range(0, header.length() - 2), "header");
    }

    @Test
    void bytesAppendedAfterTheIndexAreCaught() {
        assertRefused(concat(object, new byte[] {0}), "index");
    }

    private static void assertRefused(byte[] altered, String expected) {
        ArchiveTamperedException refused = assertThrows(ArchiveTamperedException.class,
                () -> Archives.open(altered, Archives.KEYRING, null));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static int chunkStart(int chunk) {
        return (int) index.objectOffset(chunk);
    }

    private static byte[] range(int from, int to) {
        return Arrays.copyOfRange(object, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
