package io.snapkeep.restoreworker.restore;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.sql.DatabaseInfo;
import io.snapkeep.restoreworker.sql.DatabaseProperties;
import io.snapkeep.restoreworker.sql.DatabaseSwap;
import io.snapkeep.restoreworker.sql.Sql;
import io.snapkeep.restoreworker.sql.SqlStates;

/**
 * IN_PLACE and VERIFY: the archive is restored into the side database, created like the target (owner, encoding,
 * locale). Only once that finished cleanly and the archive's checksum matched does IN_PLACE give it the target's
 * settings and privileges and swap it in ({@link DatabaseSwap}); VERIFY drops it. Whatever fails before the swap
 * drops the side database: the target was never touched.
 */
final class SideDatabaseRestore {
    private static final Logger LOG = Logger.getLogger(SideDatabaseRestore.class);

    private SideDatabaseRestore() {
    }

    static LoadedArchive run(RestoreContext context, boolean swap, int swapAttempts)
            throws SQLException, IOException, InterruptedException {
        String side = context.job().sideDatabase();
        Optional<DatabaseInfo> target = context.session().database(context.targetName());
        create(context, side, target);
        try {
            LoadedArchive loaded = context.loadInto(side, false);
            if (!swap) {
                context.admin().dropIfExists(side);
                return loaded;
            }
            if (target.isPresent()) {
                new DatabaseProperties(context.session()).copy(context.targetName(), side);
                new DatabaseSwap(context.session(), context.admin(), swapAttempts).swap(target.get(), side,
                        context.job().previousDatabase());
            } else {
                LOG.infof("job %s: database %s does not exist; the restored copy takes its name",
                        context.job().jobId(), context.targetName());
                context.session().execute("ALTER DATABASE " + Sql.identifier(side) + " RENAME TO "
                        + Sql.identifier(context.targetName()));
            }
            return loaded;
        } catch (SQLException | IOException | InterruptedException | RuntimeException e) {
            context.admin().dropQuietly(side);
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
                        + ". An in-place restore needs CREATEDB and ownership of the target; mode CLEAN restores"
                        + " straight into the target instead; nothing was changed", e);
            }
            throw e;
        }
    }
}
