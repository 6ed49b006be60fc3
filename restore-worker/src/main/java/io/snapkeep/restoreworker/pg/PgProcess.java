package io.snapkeep.restoreworker.pg;

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

import io.snapkeep.restoreworker.RestoreFailure;

/**
 * A PostgreSQL client tool run as an argument list (never through a shell), its stderr drained into a bounded tail.
 * A restore tool reads its input from {@link #stdin()} and its stdout is discarded (psql prints the results of the
 * {@code SELECT}s in a plain dump). Closing it kills the tool if it still runs.
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

    /** Starts a restore tool whose input the caller writes; {@code environment} fills the child's environment. */
    public static PgProcess start(List<String> command, Consumer<Map<String, String>> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return launch(builder, environment);
    }

    /** Runs a short command, its input closed, to its end and returns its stdout; a non-zero exit fails. */
    public static String run(List<String> command, Consumer<Map<String, String>> environment, Duration timeout,
            String purpose) {
        try (PgProcess p = launch(new ProcessBuilder(command), environment)) {
            p.process.getOutputStream().close();
            String out = p.readStdout();
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RestoreFailure(purpose + ": " + p.tool + " did not finish within " + timeout.toSeconds()
                        + " s");
            }
            if (p.process.exitValue() != 0) {
                throw new RestoreFailure(purpose + ": " + p.failureText());
            }
            return out;
        } catch (IOException e) {
            throw new RestoreFailure(purpose + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestoreFailure(purpose + ": interrupted", e);
        }
    }

    private static PgProcess launch(ProcessBuilder builder, Consumer<Map<String, String>> environment) {
        environment.accept(builder.environment());
        List<String> command = builder.command();
        try {
            return new PgProcess(builder.start(), Path.of(command.get(0)).getFileName().toString());
        } catch (IOException e) {
            throw new RestoreFailure("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    public String tool() {
        return tool;
    }

    /** "pg_restore exited with code 1: " and the end of its stderr. */
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
            throw new RestoreFailure("could not read the output of " + tool + ": " + e.getMessage(), e);
        }
    }
}
