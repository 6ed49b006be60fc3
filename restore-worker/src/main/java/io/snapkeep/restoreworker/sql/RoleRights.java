package io.snapkeep.restoreworker.sql;

/** The connecting role and whether it may create databases. */
public record RoleRights(String name, boolean superuser, boolean createDatabases) {

    public boolean canCreateDatabases() {
        return superuser || createDatabases;
    }
}
