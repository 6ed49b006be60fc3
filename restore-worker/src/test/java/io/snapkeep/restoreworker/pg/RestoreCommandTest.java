package io.snapkeep.restoreworker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.snapkeep.worker.pg.PgInstall;
import io.snapkeep.worker.pg.PgVersion;

class RestoreCommandTest {
    private static final PgInstall PG15 = new PgInstall(Path.of("/pg/15/bin"), PgVersion.parse("15.4"),
            "pg_restore (PostgreSQL) 15.4", "psql (PostgreSQL) 15.4");

    @Test
    void pgRestoreStopsAtTheFirstErrorAndLeavesOwnersOutByDefault() {
        RestoreCommand command = RestoreCommand.pgRestore(PG15, ArchiveFormat.CUSTOM,
                new RestoreCommand.Settings("netbox_side", false, false, 1), Optional.empty());

        assertEquals(List.of("/pg/15/bin/pg_restore", "--no-password", "--exit-on-error", "--format=custom",
                "--dbname=dbname='netbox_side'", "--no-owner", "--no-privileges"), command.arguments());
        assertEquals("pg_restore (PostgreSQL) 15.4", command.toolVersion());
    }

    @Test
    void parallelRestoreReadsAFileAndCleanRunsInOneTransaction() {
        List<String> parallel = RestoreCommand.pgRestore(PG15, ArchiveFormat.CUSTOM,
                new RestoreCommand.Settings("db", true, false, 4), Optional.of(Path.of("/tmp/a.dump"))).arguments();
        assertTrue(parallel.containsAll(List.of("--jobs=4", "/tmp/a.dump")), parallel.toString());
        assertFalse(parallel.contains("--no-owner"));

        List<String> clean = RestoreCommand.pgRestore(PG15, ArchiveFormat.TAR,
                new RestoreCommand.Settings("db", false, true, 4), Optional.of(Path.of("/tmp/a.tar"))).arguments();
        assertTrue(clean.containsAll(List.of("--clean", "--if-exists", "--single-transaction", "--format=tar")));
        assertFalse(clean.contains("--jobs=4"), "one transaction cannot be parallel");
    }

    @Test
    void psqlStopsOnErrorAndReadsItsStdin() {
        List<String> args = RestoreCommand.psql(PG15, new RestoreCommand.Settings("db", false, true, 1)).arguments();

        assertEquals(List.of("/pg/15/bin/psql", "--no-psqlrc", "--no-password", "--quiet", "--set=ON_ERROR_STOP=1",
                "--dbname=dbname='db'", "--single-transaction", "--file=-"), args);
    }

    @Test
    void aDatabaseNameCannotPassForAConnectionString() {
        assertEquals("dbname='host=evil dbname=x'", ConnInfo.dbname("host=evil dbname=x"));
        assertEquals("dbname='it\\'s \\\\ odd'", ConnInfo.dbname("it's \\ odd"));
    }
}
