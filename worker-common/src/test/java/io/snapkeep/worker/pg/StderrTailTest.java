package io.snapkeep.worker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StderrTailTest {

    @Test
    void keepsEverythingThatFits() {
        StderrTail tail = StderrTail.start(stream("pg_dump: error: connection failed\n"), 1024, "t");
        assertEquals("pg_dump: error: connection failed", tail.text());
    }

    @Test
    void keepsOnlyTheEndOfALongOutput() {
        String noise = "warning: something\n".repeat(1000);
        StderrTail tail = StderrTail.start(stream(noise + "pg_dump: error: the real cause"), 64, "t");
        String text = tail.text();
        assertTrue(text.startsWith("..."), text);
        assertTrue(text.endsWith("pg_dump: error: the real cause"), text);
        assertTrue(text.length() <= 64 + 3, text);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
