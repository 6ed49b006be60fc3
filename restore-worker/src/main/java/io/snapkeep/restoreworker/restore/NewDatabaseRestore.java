package io.snapkeep.restoreworker.restore;

import java.io.IOException;
import java.sql.SQLException;

import io.snapkeep.restoreworker.RestoreFailure;
import io.snapkeep.restoreworker.sql.SqlStates;

/**
 * NEW_DATABASE: creates the target database, which must not exist (an existing one is never written into), restores
 * into it, and drops it again when anything fails.
 */
final class NewDatabaseRestore {

    private NewDatabaseRestore() {
    }

    static LoadedArchive run(RestoreContext context) throws SQLException, IOException, InterruptedException {
        String database = context.targetName();
        try {
            context.admin().create(database);
        } catch (SQLException e) {
            if (SqlStates.is(e, SqlStates.DUPLICATE_DATABASE)) {
                throw Refusals.newDatabaseExists(database);
            }
            if (SqlStates.is(e, SqlStates.INSUFFICIENT_PRIVILEGE)) {
                throw new RestoreFailure("could not create database " + database + ": " + e.getMessage(), e);
            }
            throw e;
        }
        try {
            return context.loadInto(database, false);
        } catch (IOException | InterruptedException | RuntimeException e) {
            context.admin().dropQuietly(database);
            throw e;
        }
    }
}
