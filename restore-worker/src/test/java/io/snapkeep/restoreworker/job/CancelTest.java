package io.snapkeep.restoreworker.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.JobControl;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.messages.Topics;
import io.snapkeep.restoreworker.support.Archive;
import io.snapkeep.restoreworker.support.Archives;
import io.snapkeep.restoreworker.support.RestoreJobs;
import io.snapkeep.restoreworker.support.SampleDatabase;
import io.snapkeep.worker.support.JobControlGroups;
import io.snapkeep.worker.support.JobEventLog;
import io.snapkeep.worker.support.JobProducer;
import io.snapkeep.worker.support.RealServersTest;

/**
 * A signed CANCEL for a running in-place restore kills psql, drops the side database, leaves the target as it was and
 * reports CANCELLED.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class CancelTest extends RealServersTest {

    @Test
    void aSignedCancelStopsTheRestoreBeforeItsSwap() throws Exception {
        PostgresServer postgres = SampleDatabase.ensure();
        String target = "cancelled_target";
        SampleDatabase.copy(target, SampleDatabase.APP);
        String before = SampleDatabase.fingerprint(postgres, target);
        Path script = Files.writeString(Files.createTempFile(Path.of("target"), "slow-", ".sql"),
                "CREATE TABLE t (id int);\nSELECT pg_sleep(120);\n");
        Archive slow = new Archives(postgres, s3, bucket).upload(script, "plain");
        try (RestoreJobs jobs = new RestoreJobs(bootstrapServers, mapper, cryptoKey, signingKey, postgres);
                JobProducer control = new JobProducer(bootstrapServers, mapper, Topics.JOB_CONTROL, signingKey);
                JobEventLog events = new JobEventLog(bootstrapServers, mapper)) {
            RestoreJob job = jobs.job(RestoreMode.IN_PLACE, slow, target, SampleDatabase.APP, SampleDatabase.PASSWORD)
                    .send();
            await().atMost(Duration.ofSeconds(30)).until(() -> sleepsIn(postgres, job.sideDatabase()));
            JobControlGroups.awaitListening(bootstrapServers, "snapkeep-restore-worker-control-");

            control.send(job.jobId(), JobControl.cancel(job.jobId(), job.attempt(), "token:ops"));

            List<JobEvent> history = events.awaitFinal(job.jobId(), Duration.ofSeconds(30));
            assertEquals(JobEventType.CANCELLED, history.get(history.size() - 1).type(), history::toString);
            assertFalse(history.stream().anyMatch(e -> e.type() == JobEventType.SWAPPING), history::toString);
            assertFalse(SampleDatabase.exists(postgres, job.sideDatabase()), "the side database was dropped");
            assertFalse(sleepsIn(postgres, job.sideDatabase()), "psql was stopped");
            assertEquals(before, SampleDatabase.fingerprint(postgres, target));
        }
    }

    private static boolean sleepsIn(PostgresServer postgres, String database) {
        return postgres.psql("postgres", "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database
                + "' AND query LIKE '%pg_sleep%'").strip().equals("1");
    }
}
