package io.snapkeep.worker.pg;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.snapkeep.worker.JobFailure;

/**
 * Finds the PostgreSQL client installations on this machine that hold the worker's {@code tool} (and {@code psql},
 * when {@code psqlRequired}): the configured directories first (e.g. {@code /usr/lib/postgresql/*}{@code /bin}), then
 * the PATH; one per major version, each asked its version (once per program file, see {@link ToolVersions}). Looked
 * up for every job, so a client installed while the worker runs is used without a restart.
 */
public final class PgInstallations {
    private static final Logger LOG = Logger.getLogger(PgInstallations.class);
    private final ToolVersions versions = new ToolVersions();
    private final List<String> patterns;
    private final String tool;
    private final boolean psqlRequired;

    /**
     * @param patterns directories to search before the PATH; {@code *} matches a version
     * @param tool the program an installation must have, {@code pg_dump} or {@code pg_restore}
     * @param psqlRequired whether an installation without {@code psql} is passed over
     */
    public PgInstallations(List<String> patterns, String tool, boolean psqlRequired) {
        this.patterns = List.copyOf(patterns);
        this.tool = tool;
        this.psqlRequired = psqlRequired;
    }

    /**
     * The newest installation: {@code pg_restore} reads the archives of every older {@code pg_dump}, and the tools
     * talk to servers of older versions.
     */
    public PgInstall newest() {
        return discover().stream().max(Comparator.comparingInt(i -> i.version().series()))
                .orElseThrow(() -> new JobFailure("no PostgreSQL client with " + (psqlRequired ? "both " + tool
                        + " and psql" : tool) + " found in " + String.join(", ", patterns)
                        + " or the PATH: install the PostgreSQL client"));
    }

    public List<PgInstall> discover() {
        Set<Path> dirs = new LinkedHashSet<>();
        patterns.forEach(pattern -> dirs.addAll(expand(pattern)));
        String path = System.getenv("PATH");
        if (path != null) {
            Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).forEach(dirs::add);
        }
        List<PgInstall> installs = new ArrayList<>();
        Set<Path> binaries = new HashSet<>();
        Set<Integer> series = new HashSet<>();
        for (Path dir : dirs) {
            Path program = dir.resolve(tool);
            if (Files.isExecutable(program) && (!psqlRequired || Files.isExecutable(dir.resolve("psql")))
                    && binaries.add(ToolVersions.realPath(program))) {
                inspect(dir).filter(i -> series.add(i.version().series())).ifPresent(installs::add);
            }
        }
        LOG.debugf("PostgreSQL clients found: %s",
                installs.stream().map(PgInstall::toString).collect(Collectors.joining(", ")));
        return installs;
    }

    /** The directories matching {@code pattern}, where {@code *} and other glob characters may stand in any part. */
    static List<Path> expand(String pattern) {
        Path path = Path.of(pattern.strip());
        int firstGlob = -1;
        for (int i = 0; i < path.getNameCount(); i++) {
            if (path.getName(i).toString().matches(".*[*?\\[{].*")) {
                firstGlob = i;
                break;
            }
        }
        if (firstGlob < 0) {
            return Files.isDirectory(path) ? List.of(path) : List.of();
        }
        Path base = path.getRoot() == null ? Path.of("") : path.getRoot();
        for (int i = 0; i < firstGlob; i++) {
            base = base.resolve(path.getName(i));
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path);
        try (Stream<Path> found = Files.walk(base, path.getNameCount() - firstGlob)) {
            return found.filter(matcher::matches).filter(Files::isDirectory).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("could not search %s for PostgreSQL clients: %s", pattern, e.getMessage());
            return List.of();
        }
    }

    private Optional<PgInstall> inspect(Path dir) {
        try {
            String line = versions.versionLine(dir.resolve(tool));
            Path psql = dir.resolve("psql");
            String psqlLine = Files.isExecutable(psql) ? versions.versionLine(psql) : null;
            return Optional.of(new PgInstall(dir, PgVersion.parse(line), line, psqlLine));
        } catch (RuntimeException e) {
            LOG.warnf("ignoring the PostgreSQL client in %s: %s", dir, e.getMessage());
            return Optional.empty();
        }
    }
}
