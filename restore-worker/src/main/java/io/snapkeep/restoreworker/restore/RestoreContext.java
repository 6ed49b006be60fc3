package io.snapkeep.restoreworker.restore;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.sql.DatabaseAdmin;
import io.snapkeep.restoreworker.sql.MaintenanceSession;
import io.snapkeep.worker.job.Cancellation;
import io.snapkeep.worker.pg.PgConnection;
import io.snapkeep.worker.pg.PgInstall;

/**
 * One restore job as it runs: the job, the target's login and server session, the tools, progress, what announces the
 * swap, stop, and the phases it passes.
 */
record RestoreContext(RestoreJob job, PgConnection target, MaintenanceSession session, DatabaseAdmin admin,
        PgInstall tool, ArchiveLoader loader, LongConsumer progress, Consumer<Boolean> swapping, Cancellation cancellation,
        RestorePhases phases) {

    String targetName() {
        return target.database();
    }

    /**
     * Passes the point after which the restore can no longer be cancelled, and says so to the catalog, with whether
     * the target accepted connections before the swap closes it (null when there is no target).
     *
     * @throws RestoreFailure when the restore was stopped before
     */
    void beginSwap(Boolean targetAllowConnections) {
        if (!cancellation.passPointOfNoReturn()) {
            throw new RestoreFailure("the restore was stopped before its swap");
        }
        swapping.accept(targetAllowConnections);
    }

    /** Applies the archive to {@code database} on the target server. */
    LoadedArchive loadInto(String database, boolean clean) throws IOException, InterruptedException {
        return loader.load(job, tool, target, database, clean, progress, cancellation, phases);
    }
}
