package io.snapkeep.restoreworker.pg;

import java.nio.file.Path;

/**
 * One PostgreSQL client installation: a directory holding {@code pg_restore} and {@code psql}, with the version line
 * each prints.
 */
public record PgInstall(Path binDir, PgVersion version, String pgRestoreVersion, String psqlVersion) {

    public Path pgRestore() {
        return binDir.resolve("pg_restore");
    }

    public Path psql() {
        return binDir.resolve("psql");
    }

    @Override
    public String toString() {
        return version.major() + " (" + binDir + ")";
    }
}
