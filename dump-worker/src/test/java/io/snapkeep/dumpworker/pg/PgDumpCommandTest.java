package io.snapkeep.dumpworker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.messages.DumpOptions;

class PgDumpCommandTest {
    private static final Path PG_DUMP = Path.of("/usr/lib/postgresql/15/bin/pg_dump");

    @Test
    void customFormatByDefaultWithTheConfiguredCompression() {
        assertEquals(List.of(PG_DUMP.toString(), "--no-password", "--format=custom", "--compress=1"),
                PgDumpCommand.arguments(PG_DUMP, DumpOptions.defaults(), 1));
    }

    @Test
    void everyOptionBecomesOneArgument() {
        DumpOptions options = new DumpOptions("tar", true, List.of("audit_log", "-x; rm -rf /"), true, true, true);
        assertEquals(List.of(PG_DUMP.toString(), "--no-password", "--format=tar", "--schema-only",
                "--exclude-table-data=audit_log", "--exclude-table-data=-x; rm -rf /", "--no-owner",
                "--no-privileges", "--blobs"), PgDumpCommand.arguments(PG_DUMP, options, 1));
    }

    @Test
    void plainFormatIsNotCompressed() {
        List<String> args = PgDumpCommand.arguments(PG_DUMP, new DumpOptions("plain", false, null, false, false, false),
                6);
        assertTrue(args.contains("--format=plain"));
        assertTrue(args.stream().noneMatch(a -> a.startsWith("--compress")));
    }

    @Test
    void theConnectionIsNeverOnTheCommandLine() {
        List<String> args = PgDumpCommand.arguments(PG_DUMP, DumpOptions.defaults(), 1);
        assertTrue(args.stream().noneMatch(a -> a.startsWith("--host") || a.startsWith("--dbname")
                || a.startsWith("postgres") || a.startsWith("-h")));
    }

    @Test
    void refusesUnknownFormatsAndEmptyPatterns() {
        assertThrows(DumpFailure.class, () -> PgDumpCommand.arguments(PG_DUMP,
                new DumpOptions("directory", false, null, false, false, false), 1));
        assertThrows(DumpFailure.class, () -> PgDumpCommand.arguments(PG_DUMP,
                new DumpOptions("custom", false, List.of(" "), false, false, false), 1));
    }
}
