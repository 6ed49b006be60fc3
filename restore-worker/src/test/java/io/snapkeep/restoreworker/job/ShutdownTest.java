package io.snapkeep.restoreworker.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.restoreworker.support.Archive;
import io.snapkeep.restoreworker.support.Archives;
import io.snapkeep.restoreworker.support.RestoreJobs;
import io.snapkeep.restoreworker.support.SampleDatabase;
import io.snapkeep.worker.job.JobExecutor;
import io.snapkeep.worker.support.JobEventLog;
import io.snapkeep.worker.support.RealServersTest;

/**
 * A worker stopping while a restore runs kills the tool, drops the side database and reports nothing: the target was
 * never touched, and the catalog's lease gives the job to another worker. Runs in its own application (own profile),
 * as it stops the job executor.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestProfile(ShutdownTest.OwnApplication.class)
class ShutdownTest extends RealServersTest {

    @Inject
    JobExecutor executor;

    @Test
    void stoppingTheWorkerMidRestoreDropsTheSideDatabaseAndLeavesTheTargetAlone() throws Exception {
        PostgresServer postgres = SampleDatabase.ensure();
        String target = "stopped_target";
        SampleDatabase.copy(target, SampleDatabase.APP);
        String before = SampleDatabase.fingerprint(postgres, target);
        Path script = Files.writeString(Files.createTempFile(Path.of("target"), "slow-", ".sql"),
                "CREATE TABLE t (id int);\nSELECT pg_sleep(120);\n");
        Archive slow = new Archives(postgres, s3, bucket).upload(script, "plain");
        try (RestoreJobs jobs = new RestoreJobs(bootstrapServers, mapper, cryptoKey, signingKey, postgres);
                JobEventLog events = new JobEventLog(bootstrapServers, mapper)) {
            RestoreJob job = jobs.job(RestoreMode.IN_PLACE, slow, target, SampleDatabase.APP, SampleDatabase.PASSWORD)
                    .send();
            await().atMost(Duration.ofSeconds(30)).until(() -> sleepsIn(postgres, job.sideDatabase()));

            executor.stop(new ShutdownEvent());

            assertFalse(SampleDatabase.exists(postgres, job.sideDatabase()), "the side database was dropped");
            assertEquals(before, SampleDatabase.fingerprint(postgres, target));
            assertFalse(SampleDatabase.exists(postgres, job.previousDatabase()));
            List<JobEvent> history = events.awaitEvents(job.jobId(), Duration.ofSeconds(2));
            assertEquals(JobEventType.CLAIMED, history.get(0).type());
            assertTrue(history.stream().allMatch(e -> e.type() == JobEventType.CLAIMED
                    || e.type() == JobEventType.PROGRESS), history::toString);
        }
    }

    private static boolean sleepsIn(PostgresServer postgres, String database) {
        return postgres.psql("postgres", "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
                + "' AND query LIKE '%pg_sleep%'").strip().equals("1");
    }

    /** A profile of its own, so that this test gets an application it may stop. */
    public static class OwnApplication implements QuarkusTestProfile {
    }
}
