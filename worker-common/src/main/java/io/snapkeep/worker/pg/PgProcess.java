package io.snapkeep.worker.pg;

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

import io.snapkeep.worker.JobFailure;

/**
 * A PostgreSQL client tool run as an argument list (never through a shell), its stderr drained into a bounded tail.
 * The caller either reads the tool's output ({@code pg_dump}: its stdin is closed) or writes its input
 * ({@code pg_restore}, {@code psql}: their stdout is discarded, as psql prints the results of the {@code SELECT}s in a
 * plain dump). Closing it kills the tool if it still runs.
 */
public final class PgProcess implements AutoCloseable {
    static final int STDERR_TAIL_BYTES = 16 * 1024;
    private static final int MAX_CAPTURED_STDOUT = 64 * 1024;

    /** The standard stream of the tool the caller works with. */
    public enum Pipe {
        /** The caller reads {@link #stdout()}; the tool's stdin is closed at once. */
        STDOUT,
        /** The caller writes {@link #stdin()}; the tool's stdout is discarded. */
        STDIN
    }

    private final Process process;
    private final StderrTail stderr;
    private final String tool;

    private PgProcess(Process process, String tool) {
        this.process = process;
        this.tool = tool;
        this.stderr = StderrTail.start(process.getErrorStream(), STDERR_TAIL_BYTES, tool + "-stderr-" + process.pid());
    }

    /**
     * Starts {@code command}; {@code environment} fills the child's environment (see {@link PgEnvironment}) and
     * {@code pipe} says which of its streams the caller uses.
     */
    public static PgProcess start(List<String> command, Consumer<Map<String, String>> environment, Pipe pipe) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (pipe == Pipe.STDIN) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        environment.accept(builder.environment());
        String tool = Path.of(command.get(0)).getFileName().toString();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new JobFailure("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        if (pipe == Pipe.STDOUT) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                process.destroyForcibly();
                throw new JobFailure("could not close the input of " + tool + ": " + e.getMessage(), e);
            }
        }
        return new PgProcess(process, tool);
    }

    /** Runs a short command, its input closed, to its end and returns its stdout; a non-zero exit fails. */
    public static String run(List<String> command, Consumer<Map<String, String>> environment, Duration timeout,
            String purpose) {
        try (PgProcess p = start(command, environment, Pipe.STDOUT)) {
            String out = p.readStdout();
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new JobFailure(purpose + ": " + p.tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (p.process.exitValue() != 0) {
                throw new JobFailure(purpose + ": " + p.failureText());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailure(purpose + ": interrupted", e);
        }
    }

    public InputStream stdout() {
        return process.getInputStream();
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
            throw new JobFailure("could not read the output of " + tool + ": " + e.getMessage(), e);
        }
    }
}
