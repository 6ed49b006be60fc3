package io.snapkeep.restoreworker.restore;

import java.sql.SQLException;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.sql.DatabaseInfo;

/**
 * What an earlier attempt's swap left, settled before a retry does anything else. The catalog keeps the previous copy's
 * name the same for every attempt of a job, and both renames are one transaction, so the databases tell what happened:
 * <ul>
 * <li>the previous copy exists beside the target: an earlier attempt swapped (its SUCCEEDED was lost or is late); an
 * in-place retry takes that restore as its own result (the snapshot's size and sha256) and restores nothing again;</li>
 * <li>else the target is closed though it was open before the earlier attempt closed it (the catalog recorded that from
 * the SWAPPING event): that attempt died between closing and renaming; the target is re-opened, as it was, and the retry
 * restores normally. The cleanup job of a restore given up after its swap began does the same.</li>
 * </ul>
 * A first attempt never settles anything, and a target its owner had closed stays closed.
 */
final class InterruptedSwap {
    private static final Logger LOG = Logger.getLogger(InterruptedSwap.class);

    private InterruptedSwap() {
    }

    /** @return the earlier attempt's restore, when an in-place retry finds it swapped in */
    static Optional<LoadedArchive> settle(RestoreContext context) throws SQLException {
        RestoreJob job = context.job();
        boolean retry = isRetry(context);
        boolean cleanup = job.mode() == RestoreMode.DROP_DATABASES && job.targetAllowConnections() != null;
        if (!retry && !cleanup || job.previousDatabase() == null) {
            return Optional.empty();
        }
        Optional<DatabaseInfo> target = context.session().database(context.targetName());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (context.session().exists(job.previousDatabase())) {
            LOG.infof("job %s (attempt %d): %s exists beside %s, so an earlier attempt swapped: its restore is taken,"
                    + " nothing is restored again", job.jobId(), job.attempt(), job.previousDatabase(),
                    context.targetName());
            return retry ? Optional.of(finished(context)) : Optional.empty();
        }
        if (Boolean.TRUE.equals(job.targetAllowConnections()) && !target.get().allowConnections()) {
            LOG.warnf("job %s (attempt %d): %s was left closed by an earlier attempt killed in its swap (nothing was"
                    + " renamed): re-opening it", job.jobId(), job.attempt(), context.targetName());
            context.admin().setAllowConnections(context.targetName(), true);
        }
        return Optional.empty();
    }

    /** Whether an in-place retry may take the previous copy's existence as an earlier attempt's swap. */
    static boolean isRetry(RestoreContext context) {
        return context.job().mode() == RestoreMode.IN_PLACE && context.job().attempt() > 1;
    }

    /** What the earlier attempt restored: the snapshot's archive as the job names it. */
    static LoadedArchive finished(RestoreContext context) {
        return new LoadedArchive(context.job().sizeBytes(), context.job().sha256(),
                context.tool() == null ? null : context.tool().versionLine());
    }
}
