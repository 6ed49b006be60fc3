package io.snapkeep.restoreworker.restore;

import java.sql.SQLException;
import java.util.Optional;

import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.messages.RestoreOptions;
import io.snapkeep.restoreworker.sql.DatabaseInfo;
import io.snapkeep.restoreworker.sql.RoleRights;

/**
 * What is checked before anything is dropped, created or written: that a superuser does not run an uploaded archive's
 * SQL unless the job allows it; that the role may do what the mode needs, so that
 * a restore which could never be swapped in fails at once, with a message naming the missing privilege; and that the
 * database a NEW_DATABASE restore is to create does not exist yet.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(RestoreContext context) throws SQLException {
        RestoreJob job = context.job();
        if (job.mode() != RestoreMode.DROP_DATABASES) {
            refuseUntrustedAsSuperuser(context);
        }
        switch (job.mode()) {
            case IN_PLACE -> inPlace(context);
            case VERIFY -> requireCreateDatabases(context, "a VERIFY restore needs to: it restores into the side"
                    + " database " + job.sideDatabase() + " and drops it again");
            case NEW_DATABASE -> newDatabase(context);
            case CLEAN, DROP_DATABASES -> {
                // CLEAN writes into the existing database; dropping needs ownership, which DROP DATABASE checks
            }
        }
    }

    /** An uploaded archive is anyone's SQL: a superuser would run it with every power, unless allowed for this job. */
    private static void refuseUntrustedAsSuperuser(RestoreContext context) throws SQLException {
        RestoreOptions options = context.job().options();
        if (!options.untrustedArchive() || options.allowSuperuser()) {
            return;
        }
        RoleRights rights = context.session().rights();
        if (rights.superuser()) {
            throw Refusals.untrustedAsSuperuser(rights.name());
        }
    }

    /** The target must not exist yet (an existing database is never written into); the role must create databases. */
    private static void newDatabase(RestoreContext context) throws SQLException {
        if (context.session().exists(context.targetName())) {
            throw Refusals.newDatabaseExists(context.targetName());
        }
        requireCreateDatabases(context, "a restore into a new database needs to: it restores into the side database "
                + context.job().sideDatabase() + " and renames it to " + context.targetName() + " once it is complete"
                + " and checked");
    }

    private static void inPlace(RestoreContext context) throws SQLException {
        RestoreJob job = context.job();
        RoleRights rights = requireCreateDatabases(context, "an in-place restore needs to: it restores into the side"
                + " database " + job.sideDatabase() + " first and swaps it in only once it is complete and checked,"
                + " so that a failure leaves the target untouched");
        Optional<DatabaseInfo> target = context.session().database(context.targetName());
        if (target.isEmpty()) {
            return;
        }
        if (!target.get().actsAsOwner() && !rights.superuser()) {
            throw Refusals.notOwner(rights.name(), context.targetName(), target.get().owner());
        }
        if (context.session().exists(job.previousDatabase())) {
            throw Refusals.previousExists(job.previousDatabase(), context.targetName());
        }
    }

    private static RoleRights requireCreateDatabases(RestoreContext context, String why) throws SQLException {
        RoleRights rights = context.session().rights();
        if (!rights.canCreateDatabases()) {
            throw Refusals.cannotCreateDatabases(rights.name(), why);
        }
        return rights;
    }
}
