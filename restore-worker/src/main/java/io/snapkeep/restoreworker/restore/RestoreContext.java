package io.snapkeep.restoreworker.restore;

import java.io.IOException;
import java.util.function.LongConsumer;

import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.sql.DatabaseAdmin;
import io.snapkeep.restoreworker.sql.MaintenanceSession;
import io.snapkeep.worker.job.Cancellation;
import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgInstall;

/** One restore job as it runs: the job, the target's login and server session, the tools, progress and stop. */
record RestoreContext(RestoreJob job, PgConnection target, MaintenanceSession session, DatabaseAdmin admin,
        PgInstall tool, ArchiveLoader loader, LongConsumer progress, Cancellation cancellation) {

    String targetName() {
        return target.database();
    }

    /** Applies the archive to {@code database} on the target server. */
    LoadedArchive loadInto(String database, boolean clean) throws IOException, InterruptedException {
        return loader.load(job, tool, target, database, clean, progress, cancellation);
    }
}
