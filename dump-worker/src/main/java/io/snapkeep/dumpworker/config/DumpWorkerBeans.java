package io.snapkeep.dumpworker.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.snapkeep.worker.JobKind;
import io.snapkeep.worker.pg.PgEnvironment;
import io.snapkeep.worker.pg.PgInstallations;

/** What the shared worker beans need to know of this worker: that it dumps, and how it runs the client tools. */
@Singleton
public class DumpWorkerBeans {
    /** The dump worker's words in the shared threads, metrics, logs and errors. */
    @Produces
    public static final JobKind KIND = new JobKind("dump", "reading the output of pg_dump failed",
            "Archive bytes read from pg_dump and sent to the store", "its upload aborted",
            "their multipart uploads may remain");

    /** {@code pg_stat_activity} shows the dumps as {@code snapkeep-dump-worker}. */
    @Produces
    @Singleton
    PgEnvironment pgEnvironment(DumpWorkerConfig config) {
        return new PgEnvironment(KIND.applicationName(), config.dump().connectTimeout());
    }

    /** Installations with {@code pg_dump}; {@code psql}, which asks the server its version, may be in another one. */
    @Produces
    @Singleton
    PgInstallations installations(DumpWorkerConfig config) {
        return new PgInstallations(config.dump().pgBinDirs(), "pg_dump", false);
    }
}
