package io.snapkeep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the PostgreSQL programs: {@code pg_config --bindir}, else the newest {@code /usr/lib/postgresql/N/bin}. */
final class PostgresBinaries {

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final Optional<Path> BINDIR = fromPgConfig().or(PostgresBinaries::newestDebianBindir);

    private PostgresBinaries() {
    }

    /** The absolute path of a server program such as {@code initdb} or {@code postgres}. */
    static String server(String program) {
        return BINDIR
                .map(dir -> dir.resolve(program))
                .filter(Files::isExecutable)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server program " + program
                        + " not found (pg_config --bindir, " + DEBIAN_ROOT + "/N/bin)"))
                .toString();
    }

    /** A client program such as {@code psql}: from the server's bindir when there, else from the PATH. */
    static String client(String program) {
        return BINDIR.map(dir -> dir.resolve(program)).filter(Files::isExecutable).map(Path::toString).orElse(program);
    }

    private static Optional<Path> fromPgConfig() {
        try {
            Command.Result result = Command.run(List.of("pg_config", "--bindir"), Map.of(), Duration.ofSeconds(10));
            Path dir = Path.of(result.stdout().strip());
            boolean found = result.exitCode() == 0 && Files.isExecutable(dir.resolve("initdb"));
            return found ? Optional.of(dir) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> newestDebianBindir() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions
                    .filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin"))
                    .filter(Files::isDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + DEBIAN_ROOT, e);
        }
    }
}
