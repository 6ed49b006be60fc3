package io.snapkeep.worker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.snapkeep.localstack.PostgresServer;

/** Runs PostgreSQL client tools in tests: argument lists, the password in the environment. */
public final class Tools {

    private Tools() {
    }

    /** Runs {@code args} as the test server's superuser and returns stdout; fails with stderr on a non-zero exit. */
    public static String run(PostgresServer postgres, List<String> args) {
        return run(args, Map.of("PGHOST", postgres.host(), "PGPORT", Integer.toString(postgres.port()), "PGUSER",
                postgres.superuser(), "PGPASSWORD", postgres.password()));
    }

    public static String run(List<String> args, Map<String, String> env) {
        try {
            Path stderr = Files.createTempFile("tool-stderr", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(args).redirectError(stderr.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException(args.get(0) + " failed: " + Files.readString(stderr));
                }
                return out;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
