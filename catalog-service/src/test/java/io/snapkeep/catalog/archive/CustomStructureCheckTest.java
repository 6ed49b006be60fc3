package io.snapkeep.catalog.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.snapkeep.catalog.StockDumps;
import io.snapkeep.catalog.service.CatalogException;

/**
 * The structure walk over real pg_dump custom archives (the test PostgreSQL's, with a large object): every stock
 * variant passes; cut anywhere, with bytes after its end or with a data block's dump id changed, one is refused.
 * Data block positions come from stock pg_restore ({@code -- Data Pos:}), not from the walk.
 */
class CustomStructureCheckTest {

    @ParameterizedTest
    @ValueSource(strings = { "compressed", "uncompressed", "piped", "schema-only", "data-only" })
    void stockCustomArchivesPassTheWalkInPiecesOfAnySize(String variant) {
        byte[] file = file(variant);
        walk(file, new Random(1), 1 << 16);
        walk(file, new Random(2), 7);
        walk(file, new Random(3), 1 << 20);
    }

    @Test
    void theCompressedArchiveHasALargeObjectsBlockAndTheUncompressedOneIsNotCompressed() {
        String toc = StockDumps.run(List.of("pg_restore", "-l", path("compressed").toString()), null);
        assertTrue(toc.contains("BLOBS"), toc);
        assertTrue(StockDumps.run(List.of("pg_restore", "-l", path("uncompressed").toString()), null)
                .contains("Compression: 0"));
        assertTrue(StockDumps.blockStarts(path("piped")).isEmpty(), "a piped archive has no data offsets");
    }

    @ParameterizedTest
    @ValueSource(strings = { "compressed", "uncompressed" })
    void aCutExactlyAtEachBlockBoundaryIsRefused(String variant) {
        byte[] file = file(variant);
        List<Long> starts = StockDumps.blockStarts(path(variant));
        assertTrue(starts.size() >= 3, "data blocks: " + starts);
        for (long start : starts) {
            assertRefused(Arrays.copyOf(file, (int) start), "truncated");
        }
    }

    @Test
    void pgRestoreAgreesThatACutAtTheLastBlockBoundaryIsIncomplete() {
        List<Long> starts = StockDumps.blockStarts(path("compressed"));
        byte[] cut = Arrays.copyOf(file("compressed"), starts.get(starts.size() - 1).intValue());
        PgRestoreCheck check = PgRestoreCheck.start(new PgRestore("pg_restore", "the PATH's"));
        check.accept(cut, 0, cut.length);
        assertEquals(422, assertThrows(CatalogException.class, check::finish).status());
    }

    @ParameterizedTest
    @ValueSource(strings = { "compressed", "uncompressed", "piped" })
    void aCutAnywhereElseIsRefused(String variant) {
        byte[] file = file(variant);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < 200; i++) {
            cuts.add(i); // the header and the first TOC entries
        }
        for (long start : StockDumps.blockStarts(path(variant))) {
            for (int inside : new int[] { 1, 2, 5, 6, 8, 11, 12, 40 }) {
                cuts.add((int) start + inside); // the block header, the first chunk's length, its bytes
            }
            cuts.add((int) start - 1);
        }
        for (int fromEnd = 1; fromEnd <= 12; fromEnd++) {
            cuts.add(file.length - fromEnd); // the end markers of the last block
        }
        Random random = new Random(12);
        for (int i = 0; i < 300; i++) {
            cuts.add(1 + random.nextInt(file.length - 1));
        }
        for (int cut : cuts) {
            if (cut < file.length) { // the large objects block is shorter than 40 bytes
                assertRefused(Arrays.copyOf(file, cut), "truncated");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "compressed", "piped" })
    void bytesAfterTheLastBlockAreRefused(String variant) {
        byte[] file = file(variant);
        assertRefused(concat(file, new byte[1]), "goes on after its last data block");
        assertRefused(concat(file, "garbage".getBytes(StandardCharsets.US_ASCII)), "goes on after its last data block");
        assertRefused(concat(file, Arrays.copyOfRange(file, file.length - 4096, file.length)),
                "goes on after its last data block");
    }

    @Test
    void aDataBlockWithAnotherDumpIdIsRefused() {
        byte[] file = file("compressed");
        List<Long> starts = StockDumps.blockStarts(path("compressed"));
        int first = starts.get(0).intValue();
        int second = starts.get(1).intValue();
        byte[] unknown = file.clone();
        unknown[first + 2] = (byte) 0x7f; // the id's low byte, after the type and sign bytes
        unknown[first + 3] = (byte) 0x7f;
        assertRefused(unknown, "which no table of contents entry with data has");
        byte[] swapped = file.clone();
        System.arraycopy(file, second + 1, swapped, first + 1, 5);
        assertRefused(swapped, "is not where the table of contents puts it");
    }

    @Test
    void aNewerArchiveVersionIsLeftToPgRestore() {
        assertTrue(CustomStructureCheck.reads("1.12-0"));
        assertTrue(CustomStructureCheck.reads("1.16-0"));
        assertFalse(CustomStructureCheck.reads("1.17-0"));
        assertFalse(CustomStructureCheck.reads("1.11-0"));
        assertFalse(CustomStructureCheck.reads(null));
    }

    private static void walk(byte[] file, Random random, int maxPiece) {
        CustomStructureCheck check = new CustomStructureCheck();
        int at = 0;
        while (at < file.length) {
            int n = Math.min(file.length - at, 1 + random.nextInt(maxPiece));
            check.accept(file, at, n);
            at += n;
        }
        check.finish();
    }

    private static void assertRefused(byte[] body, String expected) {
        CatalogException e = assertThrows(CatalogException.class, () -> walk(body, new Random(body.length), 1 << 16),
                "a body of " + body.length + " bytes");
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains(expected), body.length + " bytes: " + e.getMessage());
        assertTrue(e.getMessage().contains("custom (pg_dump -F c)"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static Path path(String variant) {
        return StockDumps.get().customs.get(variant);
    }

    private static byte[] file(String variant) {
        return StockDumps.bytes(path(variant));
    }
}
