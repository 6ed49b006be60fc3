package io.snapkeep.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class SealingInputStreamTest {

    @Test
    void readingTheSealedStreamGivesTheObjectTheWriterWouldWrite() throws Exception {
        byte[] archive = Archives.dumpLike(3_000_000, 21);
        SealingInputStream sealing = SealingInputStream.of(new ByteArrayInputStream(archive), Archives.KEYRING,
                new StageSettings(Codec.ZSTD, 1, 2, 1 << 20));
        byte[] object = sealing.readAllBytes();

        assertArrayEquals(archive, Archives.open(object, Archives.KEYRING, null));
        SealedSummary summary = sealing.summary();
        assertEquals(archive.length, summary.archiveBytes());
        assertEquals(SealedArchiveTest.sha256(archive), summary.archiveSha256());
        assertEquals(object.length, summary.objectBytes());
        assertEquals(SealedArchiveTest.sha256(object), summary.objectSha256());
    }

    @Test
    void aKeyringIsReadFromIdColonKeyEntries() throws IOException {
        ArchiveKeyring keyring = ArchiveKeyring.parse("# rotated 2026-12\na:" + Archives.KEY_A + "\n,b:"
                + Archives.KEY_B + "\n", "b");
        assertEquals("b", keyring.activeId());
        assertTrue(keyring.holds("a"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ArchiveKeyring.parse("a:" + Archives.KEY_A + ",a:" + Archives.KEY_B, "a"));
        assertTrue(twice.getMessage().contains("a is given twice"));
        assertThrows(IllegalArgumentException.class, () -> ArchiveKeyring.parse(Archives.KEY_A, "a"));
    }
}
