package io.snapkeep.parts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PartBufferTest {

    @Test
    void fillsUpToTheLimitAcrossChunksAndReplaysTheBytes() throws Exception {
        byte[] data = randomBytes(PartBuffer.CHUNK * 2 + 12345);
        InputStream in = new ByteArrayInputStream(data);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        AtomicLong progress = new AtomicLong();
        PartBuffer buffer = new PartBuffer();
        long limit = PartBuffer.CHUNK + 100;

        buffer.fill(in, limit, digest, progress::addAndGet);

        assertEquals(limit, buffer.size());
        assertFalse(buffer.endOfStream());
        assertEquals(limit, progress.get());
        byte[] first = readAll(buffer);
        assertArrayEquals(java.util.Arrays.copyOf(data, (int) limit), first);
        assertArrayEquals(first, readAll(buffer), "each stream starts over");

        buffer.fill(in, limit * 2, digest, progress::addAndGet);

        assertTrue(buffer.endOfStream());
        assertEquals(data.length - limit, buffer.size());
        assertArrayEquals(java.util.Arrays.copyOfRange(data, (int) limit, data.length), readAll(buffer));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), digest.digest());
    }

    @Test
    void anEmptyStreamGivesAnEmptyPart() throws Exception {
        PartBuffer buffer = new PartBuffer();
        buffer.fill(InputStream.nullInputStream(), PartBuffer.CHUNK, MessageDigest.getInstance("SHA-256"), n -> {
        });
        assertEquals(0, buffer.size());
        assertTrue(buffer.endOfStream());
        assertEquals(-1, buffer.contentProvider().newStream().read());
    }

    private static byte[] readAll(PartBuffer buffer) throws IOException {
        try (InputStream in = buffer.contentProvider().newStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
