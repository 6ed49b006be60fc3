package io.snapkeep.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived program from an argument list (never through a shell) and captures its output. */
final class Command {

    /** What a finished program left behind. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private Command() {
    }

    /** Runs {@code arguments} with {@code environment} added to this process's environment. */
    static Result run(List<String> arguments, Map<String, String> environment, Duration timeout) {
        return run(arguments, environment, timeout, Path.of("").toAbsolutePath());
    }

    /** Like {@link #run(List, Map, Duration)}, in {@code directory} rather than this process's working directory. */
    static Result run(List<String> arguments, Map<String, String> environment, Duration timeout, Path directory) {
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(arguments.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + arguments.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + arguments.get(0), e);
        }
    }

    /** Like {@link #run} but throws, with the program's stderr, when it exits non-zero; returns its stdout. */
    static String runChecked(List<String> arguments, Map<String, String> environment, Duration timeout) {
        return runChecked(arguments, environment, timeout, Path.of("").toAbsolutePath());
    }

    /** {@link #runChecked(List, Map, Duration)} in {@code directory}. */
    static String runChecked(List<String> arguments, Map<String, String> environment, Duration timeout,
                             Path directory) {
        Result result = run(arguments, environment, timeout, directory);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(arguments.get(0) + " exited with " + result.exitCode() + ": "
                    + (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip());
        }
        return result.stdout();
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
