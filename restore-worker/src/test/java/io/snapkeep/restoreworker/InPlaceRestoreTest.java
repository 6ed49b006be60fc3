package io.snapkeep.restoreworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.support.Archive;
import io.snapkeep.restoreworker.support.SampleDatabase;

/** Restores over an existing database: IN_PLACE (side database, then swap), VERIFY, CLEAN and DROP_DATABASES. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class InPlaceRestoreTest extends RestoreFlowBase {

    @Test
    void restoresInPlaceAndKeepsThePreviousCopy() {
        String target = changedCopy("inplace");
        postgres.psql("postgres", "ALTER DATABASE " + target + " SET search_path = sales, public");
        postgres.psql("postgres", "ALTER DATABASE " + target + " SET work_mem = '8MB'");
        postgres.psql("postgres", "REVOKE ALL ON DATABASE " + target + " FROM PUBLIC");
        postgres.psql("postgres", "GRANT CONNECT ON DATABASE " + target + " TO " + SampleDatabase.LIMITED);
        postgres.psql("postgres", "COMMENT ON DATABASE " + target + " IS 'the app''s database'");
        String properties = databaseProperties(target);
        String changed = fingerprint(target);
        assertNotEquals(SampleDatabase.fingerprint(), changed);
        Archive archive = sampleArchive();

        RestoreJob job = jobs.job(RestoreMode.IN_PLACE, archive, target, SampleDatabase.APP, SampleDatabase.PASSWORD)
                .send();

        JobEvent done = succeeded(job);
        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
        assertEquals(changed, fingerprint(job.previousDatabase()), "the previous copy is kept as it was");
        assertFalse(exists(job.sideDatabase()));
        assertEquals(archive.size(), done.bytes());
        assertEquals(archive.sha256(), done.sha256());
        assertTrue(done.serverVersion().startsWith("15."), done.serverVersion());
        assertTrue(done.toolVersion().startsWith("pg_restore (PostgreSQL) "), done.toolVersion());
        assertEquals(properties, databaseProperties(target), "settings, privileges and comment of the database");
        assertTrue(properties.contains("search_path=sales, public"), properties);
        assertEquals("t|t", postgres.psql("postgres", "SELECT bool_and(datallowconn), count(*) = 2 FROM pg_database"
                + " WHERE datname IN ('" + target + "', '" + job.previousDatabase() + "')").strip());
    }

    @Test
    void restoresInPlaceADatabaseWithALongCyrillicName() {
        String target = name("инвентаризациясетицода");
        SampleDatabase.copy('"' + target + '"', SampleDatabase.APP);
        postgres.psql(target, "DROP TABLE pgbench_history");
        String changed = fingerprint(target);

        RestoreJob job = jobs.job(RestoreMode.IN_PLACE, sampleArchive(), target, SampleDatabase.APP,
                SampleDatabase.PASSWORD).send();

        succeeded(job);
        assertTrue(job.sideDatabase().startsWith("инвентаризациясети__restore_"), job.sideDatabase());
        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
        assertEquals(changed, fingerprint(job.previousDatabase()), "the previous copy is kept as it was");
        assertFalse(exists(job.sideDatabase()));
    }

    @Test
    void aDamagedArchiveFailsOnItsChecksumAndLeavesTheTargetAsItWas() throws Exception {
        String target = changedCopy("damaged");
        String before = fingerprint(target);
        Archive original = sampleArchive();
        byte[] bytes = Files.readAllBytes(original.file());
        bytes[bytes.length / 2] ^= 0x5a;
        Archive damaged = archives.damaged(original, bytes);

        RestoreJob job = jobs.job(RestoreMode.IN_PLACE, damaged, target, SampleDatabase.APP, SampleDatabase.PASSWORD)
                .send();

        JobEvent failure = failed(job);
        assertTrue(failure.error().contains("SHA-256"), failure.error());
        assertEquals(before, fingerprint(target));
        assertFalse(exists(job.sideDatabase()));
        assertFalse(exists(job.previousDatabase()));
    }

    @Test
    void aTruncatedArchiveFailsAndLeavesTheTargetAsItWas() throws Exception {
        String target = changedCopy("truncated");
        String before = fingerprint(target);
        Archive original = sampleArchive();
        byte[] bytes = Files.readAllBytes(original.file());
        Archive truncated = archives.damaged(original, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        RestoreJob known = jobs.job(RestoreMode.IN_PLACE, truncated, target, SampleDatabase.APP,
                SampleDatabase.PASSWORD).send();
        RestoreJob unknownSize = jobs.job(RestoreMode.IN_PLACE, truncated, target, SampleDatabase.APP,
                SampleDatabase.PASSWORD).sizeBytes(0).send();

        assertTrue(failed(known).error().contains("truncated"));
        assertTrue(failed(unknownSize).error().contains("SHA-256"));
        assertEquals(before, fingerprint(target));
        for (RestoreJob job : List.of(known, unknownSize)) {
            assertFalse(exists(job.sideDatabase()));
            assertFalse(exists(job.previousDatabase()));
        }
    }

    @Test
    void anUploadedArchiveIsRefusedToASuperuserTargetRoleAndLeavesTheTargetUntouched() {
        String target = changedCopy("untrusted");
        String before = fingerprint(target);

        RestoreJob job = jobs.job(RestoreMode.IN_PLACE, sampleArchive(), target, postgres.superuser(),
                postgres.password()).untrusted(false).send();

        assertEquals("refused: the snapshot was uploaded (untrusted SQL) and the target role " + postgres.superuser()
                + " is a superuser; restore with a non-superuser role or ask an admin to set allowSuperuser",
                failed(job).error());
        assertEquals(before, fingerprint(target));
        assertFalse(exists(job.sideDatabase()));
        assertFalse(exists(job.previousDatabase()));
    }

    @Test
    void anUploadedArchiveIsRestoredByASuperuserWhenTheJobAllowsIt() {
        String target = changedCopy("allowed");

        RestoreJob job = jobs.job(RestoreMode.IN_PLACE, sampleArchive(), target, postgres.superuser(),
                postgres.password()).untrusted(true).send();

        succeeded(job);
        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
    }

    @Test
    void aTargetOlderThanTheSourceIsRefusedBeforeAnythingIsCreated() {
        String target = changedCopy("older");
        String before = fingerprint(target);

        RestoreJob job = jobs.job(RestoreMode.IN_PLACE, sampleArchive(), target, SampleDatabase.APP,
                SampleDatabase.PASSWORD).sourceVersion("99.1").send();

        JobEvent failure = failed(job);
        assertTrue(failure.error().contains("99.1"), failure.error());
        assertTrue(failure.error().contains("PostgreSQL 15."), failure.error());
        assertEquals(before, fingerprint(target));
        assertFalse(exists(job.sideDatabase()));
    }

    @Test
    void aRoleWithoutCreatedbIsToldToUseCleanAndCleanWorks() {
        String target = name("limited");
        postgres.psql("postgres", "CREATE DATABASE " + target + " OWNER " + SampleDatabase.LIMITED);
        postgres.psql(target, """
                SET ROLE limited;
                CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL);
                INSERT INTO notes SELECT g, 'note ' || g FROM generate_series(1, 500) g;
                CREATE SEQUENCE note_ids;
                SELECT setval('note_ids', 500);
                """);
        String original = fingerprint(target);
        Archive archive = archives.dump(target, "custom", "-Fc");
        postgres.psql(target, "DELETE FROM notes WHERE id > 10; SELECT setval('note_ids', 1)");

        RestoreJob inPlace = jobs.job(RestoreMode.IN_PLACE, archive, target, SampleDatabase.LIMITED,
                SampleDatabase.PASSWORD).send();
        JobEvent refused = failed(inPlace);
        assertTrue(refused.error().contains("CREATEDB"), refused.error());
        assertTrue(refused.error().contains("CLEAN"), refused.error());
        assertEquals("10", postgres.psql(target, "SELECT count(*) FROM notes").strip());

        RestoreJob clean = jobs.job(RestoreMode.CLEAN, archive, target, SampleDatabase.LIMITED,
                SampleDatabase.PASSWORD).send();
        succeeded(clean);
        assertEquals(original, fingerprint(target));
    }

    @Test
    void aClientHoldingAConnectionIsCutAndSeesTheRestoredDataOnReconnecting() throws Exception {
        String target = changedCopy("held");
        try (Connection client = connect(target)) {
            try (Statement s = client.createStatement()) {
                s.execute("INSERT INTO sales.items (name) VALUES ('written by the client')");
            }

            RestoreJob job = jobs.job(RestoreMode.IN_PLACE, sampleArchive(), target, SampleDatabase.APP,
                    SampleDatabase.PASSWORD).send();

            succeeded(job);
            assertThrows(SQLException.class, () -> count(client, "SELECT count(*) FROM sales.items"));
        }
        try (Connection again = connect(target)) {
            assertEquals(0, count(again, "SELECT count(*) FROM sales.items WHERE name = 'written by the client'"));
            assertEquals(SampleDatabase.TICKET, count(again, "SELECT last_value FROM audit.ticket"));
        }
    }

    @Test
    void aSessionTheRoleMayNotEndLeavesTheTargetAsItWas() throws Exception {
        String target = changedCopy("guarded");
        String before = fingerprint(target);
        try (Connection superuser = DriverManager.getConnection(postgres.jdbcUrl(target), postgres.superuser(),
                postgres.password())) {
            RestoreJob job = jobs.job(RestoreMode.IN_PLACE, sampleArchive(), target, SampleDatabase.APP,
                    SampleDatabase.PASSWORD).send();

            JobEvent failure = failed(job);
            assertTrue(failure.error().contains("may not end the sessions of [" + postgres.superuser() + "]"),
                    failure.error());
            assertTrue(superuser.isValid(2), "the other session was left alone");
            assertFalse(exists(job.sideDatabase()));
            assertFalse(exists(job.previousDatabase()));
        }
        assertEquals(before, fingerprint(target));
        assertEquals("t", postgres.psql("postgres", "SELECT datallowconn FROM pg_database WHERE datname = '" + target
                + "'").strip(), "the target accepts connections again");
    }

    @Test
    void verifyRestoresIntoTheSideDatabaseAndDropsIt() {
        String target = changedCopy("verify");
        String before = fingerprint(target);

        RestoreJob job = jobs.job(RestoreMode.VERIFY, sampleArchive(), target, SampleDatabase.APP,
                SampleDatabase.PASSWORD).send();

        JobEvent done = succeeded(job);
        assertEquals(sampleArchive().sha256(), done.sha256());
        assertEquals(before, fingerprint(target));
        assertFalse(exists(job.sideDatabase()));
    }

    @Test
    void leftOverSideDatabasesAreDroppedEvenWithSessionsOnThem() throws Exception {
        String target = changedCopy("drops");
        String leftOver = name("snapkeep_side");
        SampleDatabase.copy(leftOver, SampleDatabase.APP);
        try (Connection stuck = connect(leftOver)) {
            RestoreJob job = jobs.job(RestoreMode.DROP_DATABASES, null, target, SampleDatabase.APP,
                    SampleDatabase.PASSWORD).drop(List.of(leftOver, name("never_existed"))).send();

            JobEvent done = succeeded(job);
            assertEquals(0, done.bytes());
            assertFalse(exists(leftOver));
            assertTrue(exists(target));
            assertFalse(stuck.isValid(2));
        }
    }

    /** Owner, privileges, settings and comment of {@code database}: what belongs to it rather than to a dump. */
    private String databaseProperties(String database) {
        return postgres.psql("postgres", "SELECT pg_get_userbyid(d.datdba), d.datacl, d.datconnlimit,"
                + " (SELECT setconfig FROM pg_db_role_setting WHERE setdatabase = d.oid AND setrole = 0),"
                + " shobj_description(d.oid, 'pg_database') FROM pg_database d WHERE datname = '" + database + "'")
                .strip();
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), SampleDatabase.APP, SampleDatabase.PASSWORD);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
