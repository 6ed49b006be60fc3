package io.snapkeep.restoreworker.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.snapkeep.worker.JobKind;
import io.snapkeep.worker.pg.PgEnvironment;
import io.snapkeep.worker.pg.PgInstallations;

/** What the shared worker beans need to know of this worker: that it restores, and how it runs the client tools. */
@Singleton
public class RestoreWorkerBeans {
    /** The restore worker's words in the shared threads, metrics, logs and errors. */
    @Produces
    public static final JobKind KIND = new JobKind("restore",
            "reading the archive or feeding it to the restore tool failed",
            "Archive bytes read from the store and fed to the restore tools",
            "its side database dropped and the target untouched",
            "their side databases are dropped by the next attempt");

    /** {@code pg_stat_activity} shows the restores and the worker's own sessions as {@code snapkeep-restore-worker}. */
    @Produces
    @Singleton
    PgEnvironment pgEnvironment(RestoreWorkerConfig config) {
        return new PgEnvironment(KIND.applicationName(), config.restore().connectTimeout());
    }

    /** Installations with both {@code pg_restore} and {@code psql}: plain archives go to psql. */
    @Produces
    @Singleton
    PgInstallations installations(RestoreWorkerConfig config) {
        return new PgInstallations(config.restore().pgBinDirs(), "pg_restore", true);
    }
}
