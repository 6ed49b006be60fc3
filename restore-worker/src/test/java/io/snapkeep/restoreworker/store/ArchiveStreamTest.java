package io.snapkeep.restoreworker.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.snapkeep.restoreworker.RestoreFailure;

class ArchiveStreamTest {
    private static final byte[] CONTENT = "PGDMP archive bytes".getBytes(StandardCharsets.UTF_8);
    private static final String WRONG_SHA256 = "58e0a0c64e5bcbd6c5fb6b95fc8df3ac2ae1ac5f5c8a6c3b1d6d4dcf2b9f2f47";

    @Test
    void countsHashesAndReportsWhatIsRead() throws IOException {
        AtomicLong progress = new AtomicLong();
        ArchiveStream stream = new ArchiveStream(new ByteArrayInputStream(CONTENT), progress::addAndGet);

        stream.readNBytes(5);
        stream.drain();

        assertEquals(CONTENT.length, progress.get());
        assertEquals(CONTENT.length, stream.bytes());
        String actual = assertThrows(RestoreFailure.class, () -> stream.verify(WRONG_SHA256, 0)).getMessage();
        assertTrue(actual.contains("corrupt"), actual);
    }

    @Test
    void passesOnlyWithTheRightSizeAndChecksum() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONTENT));
        ArchiveStream stream = new ArchiveStream(new ByteArrayInputStream(CONTENT), n -> {
        });
        stream.drain();

        assertEquals(sha256, stream.verify(sha256.toUpperCase(), CONTENT.length));
        assertEquals(sha256, stream.verify(sha256, 0));
        String truncated = assertThrows(RestoreFailure.class, () -> stream.verify(sha256, CONTENT.length + 1))
                .getMessage();
        assertTrue(truncated.contains("truncated"), truncated);
    }

    @Test
    void aStreamNotReadToItsEndIsNeverVerified() {
        ArchiveStream stream = new ArchiveStream(new ByteArrayInputStream(CONTENT), n -> {
        });

        assertThrows(IllegalStateException.class, () -> stream.verify(WRONG_SHA256, 0));
    }
}
