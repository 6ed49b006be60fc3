package io.snapkeep.restoreworker.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the restore worker reads from configuration, under the {@code snapkeep} prefix. */
@ConfigMapping(prefix = "snapkeep")
public interface RestoreWorkerConfig {

    /** The object store the archives are read from. */
    Store store();

    /** The key that opens the sealed database passwords carried by jobs. */
    Crypto crypto();

    /** This worker replica: its name and how much it takes on at once. */
    Worker worker();

    /** How restores are run. */
    Restore restore();

    interface Store {
        /** Bucket the archives are read from; the object key comes with each job. */
        @WithDefault("snapkeep")
        String bucket();
    }

    interface Crypto {
        /**
         * Base64 of the 32-byte AES key shared with the catalog (env {@code SNAPKEEP_CRYPTO_KEY}). Required: there is
         * no default, the worker does not start without it.
         */
        String key();
    }

    interface Worker {
        /**
         * Name this worker reports in its job events. Unset, it is {@code <hostname>-<pid>}, unique per replica
         * (a computed value, which is why this key is optional rather than defaulted).
         */
        Optional<String> id();

        /** Restores run at once; when all slots are busy the worker takes no further job from Kafka. */
        @WithDefault("2")
        int maxConcurrentJobs();

        /**
         * How often a PROGRESS event (archive bytes read so far) is sent while a restore runs; it is the catalog's
         * lease heartbeat.
         */
        @WithDefault("5s")
        Duration heartbeatInterval();
    }

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
    }
}
