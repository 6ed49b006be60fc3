package io.snapkeep.dumpworker.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void leavesTheToolsWordsWholeWhateverThePassword() {
        String error = "pg_restore: error: relation \"public.x\" already exists";
        assertEquals(error, ErrorText.of(new DumpFailure(error), DUMP), "with the password x, no x is blotted out");
    }

    @Test
    void masksThePasswordTokenOfAnEchoedConnectionString() {
        String text = ErrorText.of(new DumpFailure("pg_dump: error: connection to \"host=db password=x dbname=app\""
                + " failed; also postgresql://app:x@db:5432/app and password = 'a b' sslmode=require"), DUMP);
        assertEquals("pg_dump: error: connection to \"host=db password=" + ErrorText.MASK + " dbname=app\" failed;"
                + " also postgresql://app:" + ErrorText.MASK + "@db:5432/app and password = " + ErrorText.MASK
                + " sslmode=require", text);
    }

    @Test
    void saysWhereTheErrorCameFrom() {
        String pgDumpError = "pg_dump exited with code 1: boom";
        assertEquals(pgDumpError, ErrorText.of(new DumpFailure(pgDumpError), DUMP));
        assertTrue(ErrorText.of(new IOException("Broken pipe"), DUMP)
                .startsWith("reading the output of pg_dump"));
        assertTrue(ErrorText.of(new IllegalStateException("bug"), DUMP)
                .contains("IllegalStateException: bug"));
    }

    @Test
    void keepsTheEndOfAVeryLongError() {
        String text = ErrorText.of(new DumpFailure("x".repeat(50_000) + "the cause"), DUMP);
        assertTrue(text.length() <= ErrorText.MAX_LENGTH + 3);
        assertTrue(text.endsWith("the cause"));
    }
}
