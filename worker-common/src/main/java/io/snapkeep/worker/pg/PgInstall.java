package io.snapkeep.worker.pg;

import java.nio.file.Path;

/**
 * One PostgreSQL client installation: a directory holding the worker's tool ({@code pg_dump} or {@code pg_restore})
 * and maybe {@code psql}, with the version line each prints.
 *
 * @param versionLine what the worker's tool prints for {@code --version}
 * @param psqlVersionLine what {@code psql --version} prints, or null when the directory has no {@code psql}
 */
public record PgInstall(Path binDir, PgVersion version, String versionLine, String psqlVersionLine) {

    public Path pgDump() {
        return binDir.resolve("pg_dump");
    }

    public Path pgRestore() {
        return binDir.resolve("pg_restore");
    }

    public Path psql() {
        return binDir.resolve("psql");
    }

    public boolean hasPsql() {
        return psqlVersionLine != null;
    }

    @Override
    public String toString() {
        return version.major() + " (" + binDir + ")";
    }
}
