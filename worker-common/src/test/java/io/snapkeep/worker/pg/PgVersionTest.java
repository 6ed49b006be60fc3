package io.snapkeep.worker.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PgVersionTest {

    @Test
    void readsServerVersions() {
        PgVersion v = PgVersion.parse("15.19 (Debian 15.19-0+deb12u1)\n");
        assertEquals("15.19", v.number());
        assertEquals(1500, v.series());
        assertEquals("15", v.major());
    }

    @Test
    void readsToolVersions() {
        PgVersion v = PgVersion.parse("pg_dump (PostgreSQL) 17.2 (Ubuntu 17.2-1.pgdg22.04+1)");
        assertEquals("17.2", v.number());
        assertEquals(1700, v.series());
    }

    @Test
    void readsPreReleasesAndOldTwoPartMajors() {
        assertEquals(1800, PgVersion.parse("18beta1").series());
        PgVersion old = PgVersion.parse("9.6.24");
        assertEquals(906, old.series());
        assertEquals("9.6", old.major());
        assertEquals(true, old.series() < PgVersion.parse("10.23").series());
    }

    @Test
    void refusesWhatIsNoVersion() {
        assertThrows(IllegalArgumentException.class, () -> PgVersion.parse("psql: error"));
    }
}
