package io.snapkeep.catalog.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.messages.ChildEnvironment;

/**
 * The check an uploaded archive goes through while it streams ({@code snapkeep.upload.check}): custom archives by a walk
 * of their structure ({@link CustomStructureCheck}; through pg_restore when so configured or when the walk does not
 * read their archive version), tar archives by a walk of the tar structure (and through pg_restore when so
 * configured), plain SQL dumps by their last lines (their first were checked when the format was recognised).
 */
@ApplicationScoped
public class ArchiveChecks {
    private static final Logger LOG = Logger.getLogger(ArchiveChecks.class);

    private final Optional<String> configured;
    private final CatalogConfig.Upload.Check mode;
    private volatile PgRestore pgRestore;

    ArchiveChecks(CatalogConfig config) {
        this.configured = config.upload().pgRestore();
        this.mode = config.upload().check();
    }

    public ArchiveCheck start(ArchiveInfo archive) {
        boolean full = mode == CatalogConfig.Upload.Check.PG_RESTORE;
        return switch (archive.format()) {
            case CUSTOM -> full || !CustomStructureCheck.reads(archive.archiveVersion())
                    ? PgRestoreCheck.start(pgRestore()) : new CustomStructureCheck();
            case TAR -> full ? new Both(new TarStructureCheck(), PgRestoreCheck.start(pgRestore()))
                    : new TarStructureCheck();
            case PLAIN -> new PlainEndCheck();
        };
    }

    /** The configured pg_restore, else the newest installed in a versioned directory, else the one on the PATH. */
    PgRestore pgRestore() {
        PgRestore found = pgRestore;
        if (found == null) {
            String path = configured.orElseGet(ArchiveChecks::newestInstalled);
            found = new PgRestore(path, versionOf(path));
            LOG.infof("uploads are checked with %s (%s)", found.path(), found.version());
            pgRestore = found;
        }
        return found;
    }

    private static String newestInstalled() {
        List<Path> candidates = new ArrayList<>();
        collect(Path.of("/usr/lib/postgresql"), "[0-9]*", candidates);
        collect(Path.of("/usr"), "pgsql-[0-9]*", candidates);
        return candidates.stream().filter(Files::isExecutable)
                .max(Comparator.comparingInt(ArchiveChecks::majorOf))
                .map(Path::toString).orElse("pg_restore");
    }

    private static void collect(Path root, String glob, List<Path> into) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, glob)) {
            dirs.forEach(dir -> into.add(dir.resolve("bin").resolve("pg_restore")));
        } catch (IOException e) {
            LOG.debugf("cannot list %s: %s", root, e.getMessage());
        }
    }

    private static int majorOf(Path pgRestore) {
        String dir = pgRestore.getParent().getParent().getFileName().toString().replaceAll("\\D", "");
        try {
            return Integer.parseInt(dir);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String versionOf(String path) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(path, "--version")).redirectErrorStream(true);
            ChildEnvironment.reduce(builder.environment());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(10, TimeUnit.SECONDS);
            return out.isEmpty() ? "pg_restore of unknown version" : out;
        } catch (IOException e) {
            return "pg_restore (not found: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "pg_restore of unknown version";
        }
    }

    /** Two checks of one stream; at the end, the first one's refusal is the one told. */
    private record Both(ArchiveCheck first, ArchiveCheck second) implements ArchiveCheck {
        @Override
        public void accept(byte[] bytes, int offset, int length) {
            first.accept(bytes, offset, length);
            second.accept(bytes, offset, length);
        }

        @Override
        public void finish() {
            RuntimeException failure = null;
            for (ArchiveCheck check : List.of(first, second)) {
                try {
                    check.finish();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void abort() {
            first.abort();
            second.abort();
        }
    }
}
