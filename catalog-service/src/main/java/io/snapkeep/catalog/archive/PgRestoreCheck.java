package io.snapkeep.catalog.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.snapkeep.catalog.service.CatalogException;
import io.snapkeep.messages.ChildEnvironment;

/**
 * Feeds a custom or tar archive to {@code pg_restore --file=/dev/null} (an argument list, never a shell) as it streams
 * past: pg_restore reads the table of contents and every data block, so its exit code says whether the archive is
 * whole. pg_restore may stop reading a tar archive before its end once it has all it needs; the rest is then not fed.
 * The bytes reach pg_restore through a {@link ProcessFeed} with a backlog of {@value #BACKLOG_BLOCKS} blocks (8 MiB of
 * the upload's 64 KiB reads), so the upload and the check run side by side rather than in turns. pg_restore runs in
 * a minimal environment ({@link ChildEnvironment}): none of the catalog's credentials reach it.
 */
final class PgRestoreCheck implements ArchiveCheck {
    private static final int STDERR_KEPT = 8 * 1024;
    private static final long EXIT_WAIT_SECONDS = 120;
    private static final int BACKLOG_BLOCKS = 128;

    private final PgRestore pgRestore;
    private final Process process;
    private final ProcessFeed stdin;
    private final Thread stderrReader;
    private final byte[] stderr = new byte[STDERR_KEPT];
    private int stderrLength;
    private boolean stdinOpen = true;

    private PgRestoreCheck(PgRestore pgRestore, Process process) {
        this.pgRestore = pgRestore;
        this.process = process;
        this.stdin = new ProcessFeed(process.getOutputStream(), BACKLOG_BLOCKS, "pg_restore-stdin-" + process.pid());
        this.stderrReader = new Thread(() -> drain(process.getErrorStream()), "pg_restore-stderr-" + process.pid());
        this.stderrReader.setDaemon(true);
        this.stderrReader.start();
    }

    static PgRestoreCheck start(PgRestore pgRestore) {
        ProcessBuilder builder = new ProcessBuilder(List.of(pgRestore.path(), "--file=/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        ChildEnvironment.reduce(builder.environment());
        try {
            return new PgRestoreCheck(pgRestore, builder.start());
        } catch (IOException e) {
            throw CatalogException.unavailable("The catalog cannot check custom and tar archives: " + pgRestore.path()
                    + " does not start (" + e.getMessage() + "). Install the PostgreSQL client on the catalog's "
                    + "machine or set snapkeep.upload.pg-restore.");
        }
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        if (!stdinOpen) {
            return;
        }
        if (!stdin.write(bytes, offset, length)) {
            // pg_restore closed its input: it is done with the archive, or failed on it
            stdinOpen = false;
            int exit = awaitExit(10);
            if (exit != 0) {
                throw refusal(exit);
            }
        }
    }

    @Override
    public void finish() {
        if (stdinOpen) {
            stdinOpen = false;
            stdin.close();
        }
        int exit = awaitExit(EXIT_WAIT_SECONDS);
        if (exit != 0) {
            throw refusal(exit);
        }
    }

    @Override
    public void abort() {
        process.destroyForcibly();
        stdin.abort();
    }

    /** The exit code, or -1 (after killing it) when pg_restore did not end in time. */
    private int awaitExit(long seconds) {
        try {
            if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly();
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while pg_restore checked an upload", e);
        }
    }

    private CatalogException refusal(int exit) {
        String errors = stderrText();
        String why = exit < 0 ? "pg_restore did not finish reading it within " + EXIT_WAIT_SECONDS + " s"
                : "pg_restore could not read it through (exit code " + exit + ")"
                        + (errors.isEmpty() ? "" : ": " + errors);
        String hint = errors.contains("unsupported version") ? " This catalog's " + pgRestore.version()
                + " is older than the pg_dump that made the archive: give the catalog a newer PostgreSQL client "
                + "(snapkeep.upload.pg-restore)." : "";
        return ArchiveRefusal.of("The archive is damaged or incomplete: " + why + "." + hint);
    }

    private String stderrText() {
        try {
            stderrReader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderr) {
            return new String(stderr, 0, stderrLength, StandardCharsets.UTF_8).strip().replaceAll("\\s*\\n\\s*", "; ");
        }
    }

    /** Keeps the first {@link #STDERR_KEPT} bytes (pg_restore stops at its first error) and drops the rest. */
    private void drain(InputStream in) {
        byte[] chunk = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                synchronized (stderr) {
                    int kept = Math.min(n, STDERR_KEPT - stderrLength);
                    System.arraycopy(chunk, 0, stderr, stderrLength, kept);
                    stderrLength += kept;
                }
            }
        } catch (IOException e) {
            // the process is gone: what was read is all there is
        }
    }
}
