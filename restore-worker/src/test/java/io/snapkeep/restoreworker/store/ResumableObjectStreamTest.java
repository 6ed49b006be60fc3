package io.snapkeep.restoreworker.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ResumableObjectStreamTest {
    private final byte[] object = new byte[100_000];

    ResumableObjectStreamTest() {
        new Random(7).nextBytes(object);
    }

    @Test
    void resumesFromWhereABrokenDownloadStopped() throws IOException {
        List<Long> offsets = new ArrayList<>();
        ResumableObjectStream stream = new ResumableObjectStream(offset -> {
            offsets.add(offset);
            return breakingAfter(offset, 30_000);
        }, object.length, "test", Duration.ofMillis(1));

        assertArrayEquals(object, stream.readAllBytes());
        assertEquals(List.of(0L, 30_000L, 60_000L, 90_000L), offsets);
    }

    @Test
    void aDownloadEndingEarlyIsResumedToo() throws IOException {
        ResumableObjectStream stream = new ResumableObjectStream(
                offset -> new ByteArrayInputStream(object, (int) offset,
                        (int) Math.min(40_000, object.length - offset)),
                object.length, "test", Duration.ofMillis(1));

        assertArrayEquals(object, stream.readAllBytes());
    }

    @Test
    void givesUpWhenTheStoreKeepsFailingWithoutProgress() {
        ResumableObjectStream stream = new ResumableObjectStream(offset -> {
            throw new IOException("connection refused");
        }, object.length, "test", Duration.ofMillis(1));

        IOException failure = assertThrows(IOException.class, stream::readAllBytes);
        assertTrue(failure.getMessage().contains("connection refused"), failure.getMessage());
    }

    private InputStream breakingAfter(long offset, int length) {
        return new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (read == length) {
                    throw new IOException("connection reset");
                }
                if (offset + read >= object.length) {
                    return -1;
                }
                return object[(int) offset + read++] & 0xff;
            }
        };
    }
}
