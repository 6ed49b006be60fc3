package io.snapkeep.dumpworker.pg;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.worker.pg.PgInstall;
import io.snapkeep.worker.pg.PgVersion;

/**
 * Picks tools among the installations: {@code pg_dump} must be at least the server's major version (it refuses older
 * ones) and the oldest that fits is the closest match; the newest {@code psql} speaks to any server.
 */
public final class PgToolChooser {

    private PgToolChooser() {
    }

    public static PgInstall pgDumpFor(PgVersion server, List<PgInstall> installs) {
        return installs.stream()
                .filter(i -> i.version().series() >= server.series())
                .min(Comparator.comparingInt(i -> i.version().series()))
                .orElseThrow(() -> new DumpFailure("no installed pg_dump can dump this PostgreSQL " + server.number()
                        + " server: it needs pg_dump " + server.major() + " or newer, installed: "
                        + describe(installs)));
    }

    public static PgInstall newestPsql(List<PgInstall> installs) {
        return installs.stream()
                .filter(PgInstall::hasPsql)
                .max(Comparator.comparingInt(i -> i.version().series()))
                .orElseThrow(() -> new DumpFailure("no psql found to ask the server its version; installed: "
                        + describe(installs)));
    }

    private static String describe(List<PgInstall> installs) {
        return installs.isEmpty() ? "none"
                : installs.stream().map(PgInstall::toString).collect(Collectors.joining(", "));
    }
}
