package io.snapkeep.restoreworker.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the restore worker reads from configuration under the {@code snapkeep} prefix beside the keys all workers
 * share ({@code snapkeep.worker.*}, {@code snapkeep.store.*}, {@code snapkeep.crypto.*}, mapped in worker-common).
 */
@ConfigMapping(prefix = "snapkeep")
public interface RestoreWorkerConfig {

    /** How restores are run. */
    Restore restore();

    interface Restore {
        /**
         * Directories searched for {@code pg_restore} and {@code psql} before the PATH; {@code *} matches a version.
         * The newest installation is used: it reads archives of every older version.
         */
        @WithDefault("/usr/lib/postgresql/*/bin,/usr/pgsql-*/bin")
        List<String> pgBinDirs();

        /**
         * Where an archive is downloaded before a parallel ({@code parallelJobs > 1}) or CLEAN restore; it needs room
         * for the whole archive and the file is deleted when the job ends.
         */
        @WithDefault("${java.io.tmpdir}")
        String tempDir();

        /** Connection timeout for the worker's own connections, {@code pg_restore} and {@code psql} (whole seconds). */
        @WithDefault("10s")
        Duration connectTimeout();

        /**
         * How many times an in-place restore tries to end the sessions on the target and rename it, when a client
         * connects again in between, before it gives up and leaves the target as it was.
         */
        @WithDefault("5")
        int swapAttempts();

        /** The database the worker connects to to create, drop and rename databases (as the target's user). */
        @WithDefault("postgres")
        String maintenanceDatabase();

        /**
         * For fault tests only: a point of the in-place swap where the worker logs {@code test pause at <point>} and
         * sleeps {@link #testPauseFor()}, so that a test can kill it (or pause Kafka) exactly there. {@code none} (the
         * default) never pauses; {@code after-close}: after the target was closed to new connections, before the
         * renames; {@code after-swap}: after the rename transaction committed, before SUCCEEDED is sent.
         */
        @WithDefault("none")
        SwapPausePoint testPauseAt();

        /** For fault tests only: how long the worker sleeps at {@link #testPauseAt()}. */
        @WithDefault("10m")
        Duration testPauseFor();
    }
}
