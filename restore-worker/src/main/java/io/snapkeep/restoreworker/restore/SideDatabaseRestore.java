package io.snapkeep.restoreworker.restore;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.sql.DatabaseInfo;
import io.snapkeep.restoreworker.sql.DatabaseProperties;
import io.snapkeep.restoreworker.sql.DatabaseSwap;
import io.snapkeep.restoreworker.sql.Sql;
import io.snapkeep.restoreworker.sql.SqlStates;
import io.snapkeep.restoreworker.sql.SwapPause;

/**
 * IN_PLACE, NEW_DATABASE and VERIFY: the archive is restored into the side database, created like the target (owner,
 * encoding, locale) where there is one, else with the server's defaults. Only once that finished cleanly and the
 * archive's checksum matched is the side database kept: IN_PLACE gives it the target's settings and privileges and
 * swaps it in ({@link DatabaseSwap}); without a target, and always for NEW_DATABASE, it is renamed to the target's
 * name; VERIFY drops it. Whatever fails drops the side database, and no database the job did not create is written
 * into: a NEW_DATABASE target is never looked at, and one that appeared while the restore ran fails the job at the
 * rename. Before the swap or the rename the restore passes its point of no return ({@link RestoreContext#beginSwap}):
 * a cancel until then drops the side database; from then on a cancel is refused. A retry whose swap finds the previous
 * copy's name taken (an earlier attempt of the job swapped meanwhile) drops its own copy and takes that swap as its
 * result ({@link InterruptedSwap}): a job swaps at most once.
 */
final class SideDatabaseRestore {
    private static final Logger LOG = Logger.getLogger(SideDatabaseRestore.class);

    private SideDatabaseRestore() {
    }

    static LoadedArchive run(RestoreContext context, int swapAttempts, SwapPause pause)
            throws SQLException, IOException, InterruptedException {
        RestoreMode mode = context.job().mode();
        String side = context.job().sideDatabase();
        Optional<DatabaseInfo> target = mode == RestoreMode.NEW_DATABASE ? Optional.empty()
                : context.session().database(context.targetName());
        create(context, side, target);
        try {
            LoadedArchive loaded = context.loadInto(side, false);
            if (mode == RestoreMode.VERIFY) {
                context.admin().dropIfExists(side);
            } else if (target.isPresent()) {
                context.beginSwap(target.get().allowConnections());
                new DatabaseProperties(context.session()).copy(context.targetName(), side);
                if (!swapIn(context, new DatabaseSwap(context.session(), context.admin(), swapAttempts, pause),
                        target.get(), side)) {
                    context.admin().dropIfExists(side);
                    return InterruptedSwap.finished(context);
                }
            } else {
                context.beginSwap(null);
                takeTheTargetsName(context, side);
            }
            return loaded;
        } catch (SQLException | IOException | InterruptedException | RuntimeException e) {
            context.admin().dropQuietly(side);
            throw e;
        }
    }

    /** @return false when nothing was swapped because an earlier attempt of this job swapped meanwhile */
    private static boolean swapIn(RestoreContext context, DatabaseSwap swap, DatabaseInfo target, String side)
            throws SQLException {
        String previous = context.job().previousDatabase();
        try {
            swap.swap(target, side, previous);
            return true;
        } catch (SQLException e) {
            if (SqlStates.is(e, SqlStates.DUPLICATE_DATABASE) && InterruptedSwap.isRetry(context)
                    && context.session().exists(previous)) {
                LOG.infof("job %s (attempt %d): %s appeared while this attempt restored, so an earlier attempt swapped:"
                        + " %s is dropped and nothing is swapped again", context.job().jobId(), context.job().attempt(),
                        previous, side);
                return false;
            }
            throw e;
        }
    }

    private static void create(RestoreContext context, String side, Optional<DatabaseInfo> like) throws SQLException {
        try {
            if (like.isPresent()) {
                context.admin().createLike(side, like.get());
            } else {
                context.admin().create(side);
            }
        } catch (SQLException e) {
            if (SqlStates.is(e, SqlStates.DUPLICATE_DATABASE)) {
                throw Refusals.sideExists(side);
            }
            if (SqlStates.is(e, SqlStates.INSUFFICIENT_PRIVILEGE)) {
                throw new RestoreFailure("could not create the side database " + side + ": " + e.getMessage()
                        + ". A restore through a side database needs CREATEDB (in place, also ownership of the"
                        + " target); mode CLEAN restores straight into an existing target instead; nothing was changed",
                        e);
            }
            throw e;
        }
    }

    /** The restored side database becomes the target; fails (the caller drops it) when the name was taken meanwhile. */
    private static void takeTheTargetsName(RestoreContext context, String side) throws SQLException {
        String name = context.targetName();
        LOG.infof("job %s: database %s does not exist; the restored copy takes its name", context.job().jobId(), name);
        try {
            context.session().execute("ALTER DATABASE " + Sql.identifier(side) + " RENAME TO " + Sql.identifier(name));
        } catch (SQLException e) {
            if (SqlStates.is(e, SqlStates.DUPLICATE_DATABASE)) {
                throw Refusals.targetAppeared(name);
            }
            throw e;
        }
    }
}
