package io.snapkeep.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A long-running program started from an argument list, its stdout and stderr appended to one log file. */
final class ChildProcess {

    private static final int LOG_TAIL_BYTES = 4096;

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code arguments} with {@code environment} added to this process's environment. */
    static ChildProcess start(String name, List<String> arguments, Map<String, String> environment, Path logFile) {
        return start(name, arguments, environment, logFile, Path.of("").toAbsolutePath());
    }

    /** Like {@link #start(String, List, Map, Path)}, in {@code directory} rather than this process's one. */
    static ChildProcess start(String name, List<String> arguments, Map<String, String> environment, Path logFile,
                              Path directory) {
        ProcessBuilder builder = new ProcessBuilder(arguments)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /**
     * Waits until {@code ready} holds. Fails early when the process exits, and on timeout; both failures carry the
     * end of the log.
     */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        try {
            Await.until(name + " to become ready", timeout, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue());
                }
                return ready.getAsBoolean();
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException(e.getMessage() + "; end of " + logFile + ":\n" + logTail(), e);
        }
    }

    /** Sends SIGTERM and waits up to {@code grace}, then SIGKILL. */
    void stop(Duration grace) {
        process.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    /** SIGKILL, as a crash would; returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end by itself; true when it did within {@code timeout}. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + name, e);
        }
    }

    /** The last few kilobytes of the log. */
    String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
