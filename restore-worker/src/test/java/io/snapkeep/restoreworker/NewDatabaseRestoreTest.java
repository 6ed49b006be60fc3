package io.snapkeep.restoreworker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.support.Archive;
import io.snapkeep.restoreworker.support.RestoreJobs;
import io.snapkeep.restoreworker.support.SampleDatabase;

/** Restores into a new database, from every kind of archive stock pg_dump makes. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class NewDatabaseRestoreTest extends RestoreFlowBase {

    @Test
    void restoresIntoANewDatabaseWithHeartbeats() {
        String target = name("fresh");

        RestoreJob job = newDatabase(sampleArchive(), target).send();

        JobEvent done = succeeded(job);
        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
        assertEquals(sampleArchive().sha256(), done.sha256());
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

    private void assertRestoresTheSample(Archive archive) {
        String target = name("from_" + archive.format());

        JobEvent done = succeeded(newDatabase(archive, target).send());

        assertEquals(SampleDatabase.fingerprint(), fingerprint(target));
        assertEquals(archive.sha256(), done.sha256());
        String tool = archive.format().equals("plain") ? "psql (PostgreSQL) " : "pg_restore (PostgreSQL) ";
        assertTrue(done.toolVersion().startsWith(tool), done.toolVersion());
    }

    private RestoreJobs.Builder newDatabase(Archive archive, String target) {
        return jobs.job(RestoreMode.NEW_DATABASE, archive, target, SampleDatabase.APP, SampleDatabase.PASSWORD);
    }
}
