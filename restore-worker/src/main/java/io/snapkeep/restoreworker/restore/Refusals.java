package io.snapkeep.restoreworker.restore;

import io.snapkeep.restoreworker.RestoreFailure;

/** The messages of restores the server or the catalog state refuses, each saying what to do about it. */
final class Refusals {

    private Refusals() {
    }

    static RestoreFailure cannotCreateDatabases(String role, String why) {
        return new RestoreFailure("role " + role + " may not create databases (it lacks the CREATEDB privilege), and "
                + why + ". Grant it (ALTER ROLE " + role + " CREATEDB), or restore with mode CLEAN, which restores"
                + " straight into the existing database (in one transaction, without a side database)");
    }

    static RestoreFailure untrustedAsSuperuser(String role) {
        return new RestoreFailure("refused: the snapshot was uploaded (untrusted SQL) and the target role " + role
                + " is a superuser; restore with a non-superuser role or ask an admin to set allowSuperuser");
    }

    static RestoreFailure notOwner(String role, String database, String owner) {
        return new RestoreFailure("role " + role + " does not own database " + database + " (its owner is " + owner
                + "), and an in-place restore swaps the restored copy in by renaming the database, which only its"
                + " owner may do. Restore as " + owner + ", make " + role + " a member of " + owner
                + ", or restore with mode CLEAN, which restores straight into the database; nothing was changed");
    }

    static RestoreFailure previousExists(String previous, String target) {
        return new RestoreFailure("database " + previous + ", meant to keep the current " + target
                + " after the restore, already exists: drop it or let the catalog name another; nothing was changed");
    }

    static RestoreFailure sideExists(String side) {
        return new RestoreFailure("the side database " + side + " already exists (left by an earlier attempt?): it"
                + " should be listed in dropDatabases; nothing was changed");
    }

    static RestoreFailure newDatabaseExists(String database) {
        return new RestoreFailure("database " + database + " already exists: a database created from a snapshot must"
                + " have a name not in use yet. It was left untouched; choose another name");
    }

    static RestoreFailure targetAppeared(String database) {
        return new RestoreFailure("database " + database + " was created by someone else while the snapshot was being"
                + " restored beside it: it was left untouched and the restored copy dropped. Choose another name, or"
                + " restore in place");
    }
}
