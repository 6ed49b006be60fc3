package io.snapkeep.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SealedArchiveTest {
    private static final int SEGMENT = 4096;

    @ParameterizedTest(name = "{0} bytes, {1}, {2} threads")
    @CsvSource({"0,zstd,1", "1,zstd,2", "4095,zstd,2", "4096,zstd,2", "4097,zstd,3", "12293,zstd,1",
            "1000000,zstd,2", "1000000,none,2", "8192,none,1"})
    void theArchiveComesBackByteForByteAndTheSummaryDescribesBothSides(int size, String codec, int threads)
            throws Exception {
        byte[] archive = Archives.dumpLike(size, size);
        Archives.Sealed sealed = Archives.seal(archive, Archives.KEYRING,
                new StageSettings(Codec.byLabel(codec), 1, threads, SEGMENT));

        assertArrayEquals(archive, Archives.open(sealed.object(), Archives.KEYRING, null));
        SealedSummary summary = sealed.summary();
        assertEquals(size, summary.archiveBytes());
        assertEquals(sha256(archive), summary.archiveSha256());
        assertEquals(sealed.object().length, summary.objectBytes());
        assertEquals(sha256(sealed.object()), summary.objectSha256());
        assertEquals("a", summary.key().keyId());
        assertEquals(Codec.byLabel(codec), summary.codec());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"zstd", "none"})
    void theStoredObjectShowsNeitherTheDumpMagicNorTheDatabasesStrings(String codec) throws Exception {
        byte[] archive = Archives.dumpLike(300_000, 7);
        byte[] object = Archives.seal(archive, Archives.KEYRING, new StageSettings(Codec.byLabel(codec), 3, 2,
                SEGMENT)).object();
        String text = new String(object, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("PGDMP"));
        assertFalse(text.contains("secret-marker"));
        assertFalse(text.contains("customer"));
        assertTrue(text.startsWith("SNKARC"));
    }

    @ParameterizedTest(name = "level {0}")
    @CsvSource({"1", "3"})
    void zstdMakesADumpLikeArchiveSmaller(int level) throws Exception {
        byte[] archive = Archives.dumpLike(2_000_000, 11);
        long stored = Archives.seal(archive, Archives.KEYRING, new StageSettings(Codec.ZSTD, level, 2, 1 << 20))
                .summary().objectBytes();
        assertTrue(stored < archive.length / 2, "stored " + stored + " of " + archive.length);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
