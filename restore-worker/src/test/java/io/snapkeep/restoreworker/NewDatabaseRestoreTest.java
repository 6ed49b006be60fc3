package io.snapkeep.restoreworker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.config.RestoreWorkerConfig;
import io.snapkeep.restoreworker.support.Archive;
import io.snapkeep.restoreworker.support.RestoreJobs;
import io.snapkeep.restoreworker.support.SampleDatabase;
import io.snapkeep.worker.config.WorkerConfig;
import io.snapkeep.worker.pg.PgEnvironment;

/**
 * Restores into a new database, from every kind of archive stock pg_dump makes: always through the side database the
 * job names, which takes the new database's name only once complete and checked.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class NewDatabaseRestoreTest extends RestoreFlowBase {

    @Inject
    WorkerConfig worker;

    @Inject
    RestoreWorkerConfig config;

    @Inject
    PgEnvironment client;

    @Test
    void restoresIntoANewDatabaseWithHeartbeats() {
        String target = name("fresh");

        RestoreJob job = newDatabase(sampleArchive(), target).send();

        JobEvent done = succeeded(job);
        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
        assertEquals(sampleArchive().sha256(), done.sha256());
        assertFalse(exists(job.sideDatabase()), "the side database took the new database's name");
        List<JobEvent> history = events.events(job.jobId());
        assertEquals(history.stream().map(JobEvent::bytes).sorted().toList(),
                history.stream().map(JobEvent::bytes).toList(), "progress only grows");
        assertTrue(history.stream().anyMatch(e -> e.type() == JobEventType.PROGRESS), "heartbeats while it ran");
    }

    @Test
    void anExistingDatabaseIsNeverWrittenInto() {
        String target = changedCopy("taken");
        String before = fingerprint(target);

        RestoreJob job = newDatabase(sampleArchive(), target).send();

        JobEvent failure = failed(job);
        assertTrue(failure.error().contains("already exists"), failure.error());
        assertEquals(before, fingerprint(target));
        assertFalse(exists(job.sideDatabase()), "it failed before creating anything");
    }

    @Test
    void anEarlierAttemptsHalfFilledSideDatabaseIsDroppedAndTheRestoreSucceeds() throws Exception {
        String target = name("retried");
        String leftOver = name("snapkeep_side");
        postgres.psql("postgres", "CREATE DATABASE " + leftOver + " OWNER " + SampleDatabase.APP);
        postgres.psql(leftOver, "CREATE TABLE pgbench_accounts (aid int PRIMARY KEY);"
                + " INSERT INTO pgbench_accounts SELECT generate_series(1, 1000)");
        try (Connection orphan = DriverManager.getConnection(postgres.jdbcUrl(leftOver), SampleDatabase.APP,
                SampleDatabase.PASSWORD)) {
            RestoreJob job = newDatabase(sampleArchive(), target).drop(List.of(leftOver)).send();

            JobEvent done = succeeded(job);
            assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
            assertEquals(sampleArchive().sha256(), done.sha256());
            assertFalse(exists(leftOver), "the earlier attempt's side database was dropped");
            assertFalse(exists(job.sideDatabase()), "this attempt's side database became the new database");
            assertFalse(orphan.isValid(2), "the session left on the earlier side database was ended");
        }
    }

    @Test
    void aDamagedArchiveLeavesNeitherTheNewNorTheSideDatabase() throws Exception {
        byte[] bytes = Files.readAllBytes(sampleArchive().file());
        bytes[bytes.length / 2] ^= 0x5a;
        String target = name("not_made");

        RestoreJob job = newDatabase(archives.damaged(sampleArchive(), bytes), target).send();

        JobEvent failure = failed(job);
        assertTrue(failure.error().contains("SHA-256"), failure.error());
        assertFalse(exists(target));
        assertFalse(exists(job.sideDatabase()));
    }

    @Test
    void aDatabaseCreatedMeanwhileUnderTheNewNameIsLeftAlone() throws Exception {
        String target = name("raced");
        Path script = Files.writeString(Files.createTempFile(Path.of("target"), "slow-", ".sql"),
                "CREATE TABLE restored (id int);\nSELECT pg_sleep(8);\n");
        RestoreJob job = newDatabase(archives.upload(script, "plain"), target).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> sleepsIn(job.sideDatabase()));

        postgres.psql("postgres", "CREATE DATABASE " + target);
        postgres.psql(target, "CREATE TABLE theirs (id int)");

        JobEvent failure = failed(job);
        assertTrue(failure.error().contains("created by someone else"), failure.error());
        assertFalse(exists(job.sideDatabase()), "the restored copy was dropped");
        assertEquals("theirs", postgres.psql(target, "SELECT string_agg(tablename, ',') FROM pg_tables"
                + " WHERE schemaname = 'public'").strip(), "the other database was not written into");
    }

    @Test
    void tarArchivesWithoutOwnersOrPrivilegesRestore() {
        assertRestoresTheSample(archives.dump(SampleDatabase.NAME, "tar", "-F", "t", "-O", "-x", "-b"));
    }

    @Test
    void customArchivesMadeWithCreateRestoreIntoTheNewDatabase() {
        assertRestoresTheSample(archives.dump(SampleDatabase.NAME, "custom", "-Fc", "-C"));
    }

    @Test
    void plainArchivesRestoreWithoutTheirOwners() throws Exception {
        Archive plain = archives.dump(SampleDatabase.NAME, "plain");
        assertTrue(Files.readString(plain.file()).contains("OWNER TO " + postgres.superuser()));

        assertRestoresTheSample(plain);
    }

    @Test
    void plainArchivesMadeWithCreateAndCleanStayInTheNewDatabase() throws Exception {
        Archive plain = archives.dump(SampleDatabase.NAME, "plain", "-C", "-c");
        String script = Files.readString(plain.file());
        assertTrue(script.contains("DROP DATABASE " + SampleDatabase.NAME), script.substring(0, 2000));
        assertTrue(script.contains("\\connect " + SampleDatabase.NAME));

        assertRestoresTheSample(plain);
        assertTrue(exists(SampleDatabase.NAME), "the sample named in the archive is untouched");
        assertEquals(SampleDatabase.fingerprint(), fingerprint(SampleDatabase.NAME));
    }

    @Test
    void parallelRestoreFromATemporaryFile() {
        String target = name("parallel");

        RestoreJob job = newDatabase(sampleArchive(), target).parallelJobs(2).send();

        JobEvent done = succeeded(job);
        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
        assertEquals(sampleArchive().size(), done.bytes());
    }

    @Test
    void aMalformedJobIsSkippedAndTheNextOneRuns() {
        jobs.sendRaw("garbage", "{\"v\":1,\"jobId\": this is not json");
        jobs.sendRaw("garbage", "{\"v\":1,\"jobId\":\"x\",\"mode\":\"IN_PLACE\"}");
        String target = name("after_garbage");

        succeeded(newDatabase(sampleArchive(), target).send());

        assertTrue(exists(target));
    }

    @Test
    void aJobAlteredAfterSigningIsRefusedAndTheNextOneRuns() {
        RestoreJob signed = newDatabase(sampleArchive(), name("signed")).build();
        ConnectionSpec elsewhere = new ConnectionSpec(signed.target().host(), signed.target().port(), name("forged"),
                signed.target().username(), signed.target().sslmode(), signed.target().sealedPassword(), null);
        RestoreJob altered = new RestoreJob(signed.v(), signed.jobId(), signed.snapshotId(), signed.instanceId(),
                signed.attempt(), signed.mode(), signed.objectKey(), signed.format(), signed.sha256(),
                signed.sizeBytes(), signed.sourceServerVersion(), elsewhere, signed.options(), signed.sideDatabase(),
                signed.previousDatabase(), signed.dropDatabases(), null, signed.chain());
        jobs.sendForged(altered, signed);
        String target = name("after_forged");

        succeeded(newDatabase(sampleArchive(), target).send());

        assertTrue(exists(target));
        assertEquals(List.of(), events.events(signed.jobId()), "no CLAIMED event");
        assertFalse(exists(signed.target().database()));
        assertFalse(exists(elsewhere.database()));
        assertFalse(exists(signed.sideDatabase()));
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() {
        String wrong = "Not-The-Password-123";
        String target = name("wrong_password");

        RestoreJob job = jobs.job(RestoreMode.NEW_DATABASE, sampleArchive(), target, SampleDatabase.APP, wrong).send();

        JobEvent failure = failed(job);
        assertTrue(failure.error().contains("password authentication failed"), failure.error());
        assertTrue(events.rawEvents(job.jobId()).stream().noneMatch(json -> json.contains(wrong)));
        assertFalse(exists(target));
    }

    @Test
    void healthProbesKafkaAndTheStoreAndMetricsCountRestores() {
        succeeded(newDatabase(sampleArchive(), name("metrics")).send());

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("object-store"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("snapkeep_restore_jobs_total{outcome=\"succeeded\"}"))
                .body(containsString("snapkeep_restore_bytes_total"));
    }

    @Test
    void startsWithTheSharedSettingsBesideItsOwn() {
        assertEquals(Duration.ofMillis(250), worker.heartbeatInterval());
        assertEquals(2, config.restore().swapAttempts());
        assertEquals(new PgEnvironment("snapkeep-restore-worker", Duration.ofSeconds(10)), client);
    }

    private void assertRestoresTheSample(Archive archive) {
        String target = name("from_" + archive.format());

        JobEvent done = succeeded(newDatabase(archive, target).send());

        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
        assertEquals(archive.sha256(), done.sha256());
        String tool = archive.format().equals("plain") ? "psql (PostgreSQL) " : "pg_restore (PostgreSQL) ";
        assertTrue(done.toolVersion().startsWith(tool), done.toolVersion());
    }

    private boolean sleepsIn(String database) {
        return postgres.psql("postgres", "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
                + "' AND query LIKE '%pg_sleep%'").strip().equals("1");
    }

    private RestoreJobs.Builder newDatabase(Archive archive, String target) {
        return jobs.job(RestoreMode.NEW_DATABASE, archive, target, SampleDatabase.APP, SampleDatabase.PASSWORD);
    }
}
