package io.snapkeep.restoreworker.pg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.snapkeep.worker.pg.PgInstall;

/**
 * The argument list of the tool that applies an archive to a database, and that tool's version line. The connection
 * is not in it (it goes through the environment) and the database is passed as a quoted connection string
 * ({@link ConnInfo}).
 */
public record RestoreCommand(List<String> arguments, String toolVersion) {

    /** How to apply the archive: into which database, and how. */
    public record Settings(String database, boolean keepOwners, boolean clean, int jobs) {
    }

    /**
     * {@code pg_restore} reading {@code file}, or its stdin when empty. It stops at the first error; without
     * {@code keepOwners}, objects belong to the restoring user and no privileges are restored; {@code clean} drops
     * what the archive holds before recreating it, all in one transaction.
     */
    public static RestoreCommand pgRestore(PgInstall tool, ArchiveFormat format, Settings settings,
            Optional<Path> file) {
        List<String> args = new ArrayList<>();
        args.add(tool.pgRestore().toString());
        args.add("--no-password");
        args.add("--exit-on-error");
        args.add("--format=" + format.optionValue());
        args.add("--dbname=" + ConnInfo.dbname(settings.database()));
        if (!settings.keepOwners()) {
            args.add("--no-owner");
            args.add("--no-privileges");
        }
        if (settings.clean()) {
            args.add("--clean");
            args.add("--if-exists");
            args.add("--single-transaction");
        } else if (settings.jobs() > 1 && file.isPresent()) {
            args.add("--jobs=" + settings.jobs());
        }
        file.ifPresent(f -> args.add(f.toString()));
        return new RestoreCommand(List.copyOf(args), tool.versionLine());
    }

    /**
     * {@code psql} running the (filtered) plain script from its stdin, stopping at the first error; with
     * {@code clean}, the whole script runs in one transaction.
     */
    public static RestoreCommand psql(PgInstall tool, Settings settings) {
        List<String> args = new ArrayList<>(List.of(tool.psql().toString(), "--no-psqlrc", "--no-password", "--quiet",
                "--set=ON_ERROR_STOP=1", "--dbname=" + ConnInfo.dbname(settings.database())));
        if (settings.clean()) {
            args.add("--single-transaction");
        }
        args.add("--file=-");
        return new RestoreCommand(List.copyOf(args), tool.psqlVersionLine());
    }
}
