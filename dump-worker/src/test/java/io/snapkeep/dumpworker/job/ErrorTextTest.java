package io.snapkeep.dumpworker.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.dumpworker.config.DumpWorkerBeans;
import io.snapkeep.worker.JobKind;
import io.snapkeep.worker.job.ErrorText;

/** The dump worker's error texts, in its own words ({@link DumpWorkerBeans#KIND}). */
class ErrorTextTest {
    private static final JobKind DUMP = DumpWorkerBeans.KIND;

    @Test
    void blotsOutThePasswordWhereverItAppears() {
        String text = ErrorText.of(new DumpFailure("pg_dump exited with code 1: bad option hunter2x"), "hunter2x",
                DUMP);
        assertFalse(text.contains("hunter2x"), text);
        assertTrue(text.contains(ErrorText.MASK), text);
    }

    @Test
    void saysWhereTheErrorCameFrom() {
        String pgDumpError = "pg_dump exited with code 1: boom";
        assertEquals(pgDumpError, ErrorText.of(new DumpFailure(pgDumpError), null, DUMP));
        assertTrue(ErrorText.of(new IOException("Broken pipe"), "pw-123", DUMP)
                .startsWith("reading the output of pg_dump"));
        assertTrue(ErrorText.of(new IllegalStateException("bug"), "pw-123", DUMP)
                .contains("IllegalStateException: bug"));
    }

    @Test
    void keepsTheEndOfAVeryLongError() {
        String text = ErrorText.of(new DumpFailure("x".repeat(50_000) + "the cause"), null, DUMP);
        assertTrue(text.length() <= ErrorText.MAX_LENGTH + 3);
        assertTrue(text.endsWith("the cause"));
    }
}
