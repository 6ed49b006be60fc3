package io.snapkeep.catalog.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ProcessFeedTest {

    @Test
    void deliversEveryByteInOrderAndClosesTheInput() {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        ClosableSink sink = new ClosableSink(Long.MAX_VALUE);
        ProcessFeed feed = new ProcessFeed(sink, 4, "feed-test");

        for (int at = 0; at < data.length; at += 65_536) {
            assertTrue(feed.write(data, at, Math.min(65_536, data.length - at)));
        }
        feed.close();

        assertArrayEquals(data, sink.toByteArray());
        assertTrue(sink.closed);
    }

    @Test
    void reportsAReaderThatStoppedAndNeverBlocksTheWriter() {
        ClosableSink sink = new ClosableSink(100_000);
        ProcessFeed feed = new ProcessFeed(sink, 2, "feed-test");
        byte[] block = new byte[65_536];

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            boolean taken = true;
            for (int i = 0; i < 1_000 && taken; i++) {
                taken = feed.write(block, 0, block.length);
            }
            assertFalse(taken, "the feed kept taking bytes after its reader failed");
            feed.close();
        });
    }

    /** An input that takes {@code limit} bytes, then fails as a closed pipe does. */
    private static final class ClosableSink extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;
        private boolean closed;

        ClosableSink(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (bytes.size() + len > limit) {
                throw new IOException("Broken pipe");
            }
            bytes.write(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
