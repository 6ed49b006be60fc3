package io.snapkeep.dumpworker.pg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.snapkeep.dumpworker.DumpFailure;

/**
 * A PostgreSQL client tool run as an argument list (never through a shell), its stdin closed and its stderr drained
 * into a bounded tail. Closing it kills the tool if it still runs.
 */
public final class PgProcess implements AutoCloseable {
    static final int STDERR_TAIL_BYTES = 16 * 1024;
    private static final int MAX_CAPTURED_STDOUT = 64 * 1024;

    private final Process process;
    private final StderrTail stderr;
    private final String tool;

    private PgProcess(Process process, String tool) {
        this.process = process;
        this.tool = tool;
        this.stderr = StderrTail.start(process.getErrorStream(), STDERR_TAIL_BYTES, tool + "-stderr-" + process.pid());
    }

    /** Starts {@code command}; {@code environment} fills the child's environment (see {@link PgEnvironment}). */
    public static PgProcess start(List<String> command, Consumer<Map<String, String>> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.accept(builder.environment());
        String tool = Path.of(command.get(0)).getFileName().toString();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DumpFailure("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroyForcibly();
            throw new DumpFailure("could not close the input of " + tool + ": " + e.getMessage(), e);
        }
        return new PgProcess(process, tool);
    }

    /** Runs a short command to its end and returns its stdout; a non-zero exit fails with the tool's stderr. */
    public static String run(List<String> command, Consumer<Map<String, String>> environment, Duration timeout,
            String purpose) {
        try (PgProcess p = start(command, environment)) {
            String out = p.readStdout();
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DumpFailure(purpose + ": " + p.tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (p.process.exitValue() != 0) {
                throw new DumpFailure(purpose + ": " + p.failureText());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DumpFailure(purpose + ": interrupted", e);
        }
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** "pg_dump exited with code 1: " and the end of its stderr. */
    public String failureText() {
        String text = stderr.text();
        return tool + " exited with code " + process.exitValue() + (text.isEmpty() ? "" : ": " + text);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String readStdout() {
        try (InputStream in = process.getInputStream()) {
            byte[] out = in.readNBytes(MAX_CAPTURED_STDOUT);
            in.transferTo(OutputStream.nullOutputStream());
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DumpFailure("could not read the output of " + tool + ": " + e.getMessage(), e);
        }
    }
}
