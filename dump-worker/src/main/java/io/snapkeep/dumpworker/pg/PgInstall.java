package io.snapkeep.dumpworker.pg;

import java.nio.file.Path;

/** One PostgreSQL client installation: a directory holding {@code pg_dump} (and maybe {@code psql}). */
public record PgInstall(Path binDir, PgVersion version, String versionLine, boolean hasPsql) {

    public Path pgDump() {
        return binDir.resolve("pg_dump");
    }

    public Path psql() {
        return binDir.resolve("psql");
    }

    @Override
    public String toString() {
        return version.major() + " (" + binDir + ")";
    }
}
