package io.snapkeep.dumpworker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.snapkeep.dumpworker.DumpFailure;
import io.snapkeep.worker.pg.PgInstall;
import io.snapkeep.worker.pg.PgVersion;

class PgToolChooserTest {
    private final PgInstall v13 = install("13.18", true);
    private final PgInstall v15 = install("15.10", false);
    private final PgInstall v17 = install("17.2", true);
    private final List<PgInstall> installs = List.of(v17, v13, v15);

    @Test
    void picksTheOldestPgDumpThatIsNotOlderThanTheServer() {
        assertEquals(v13, PgToolChooser.pgDumpFor(PgVersion.parse("12.1"), installs));
        assertEquals(v13, PgToolChooser.pgDumpFor(PgVersion.parse("13.2"), installs));
        assertEquals(v15, PgToolChooser.pgDumpFor(PgVersion.parse("14.9"), installs));
        assertEquals(v17, PgToolChooser.pgDumpFor(PgVersion.parse("16.4"), installs));
    }

    @Test
    void namesTheVersionsWhenNoneFits() {
        DumpFailure e = assertThrows(DumpFailure.class,
                () -> PgToolChooser.pgDumpFor(PgVersion.parse("18.0"), installs));
        assertTrue(e.getMessage().contains("18.0"), e.getMessage());
        assertTrue(e.getMessage().contains("pg_dump 18 or newer"), e.getMessage());
        assertTrue(e.getMessage().contains("13 (/usr/lib/postgresql/13/bin)"), e.getMessage());
        assertTrue(e.getMessage().contains("17 (/usr/lib/postgresql/17/bin)"), e.getMessage());
    }

    @Test
    void asksWithTheNewestPsql() {
        assertEquals(v17, PgToolChooser.newestPsql(installs));
        assertThrows(DumpFailure.class, () -> PgToolChooser.newestPsql(List.of(v15)));
    }

    private static PgInstall install(String version, boolean psql) {
        PgVersion v = PgVersion.parse(version);
        return new PgInstall(Path.of("/usr/lib/postgresql/" + v.major() + "/bin"), v,
                "pg_dump (PostgreSQL) " + version, psql ? "psql (PostgreSQL) " + version : null);
    }
}
