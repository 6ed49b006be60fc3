package io.snapkeep.dumpworker.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.snapkeep.dumpworker.support.DumpJobs;
import io.snapkeep.dumpworker.support.NotesLock;
import io.snapkeep.dumpworker.support.SampleDatabase;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.worker.job.JobExecutor;
import io.snapkeep.worker.support.JobEventLog;
import io.snapkeep.worker.support.RealServersTest;

/**
 * A worker stopping while a dump runs kills {@code pg_dump}, aborts the upload and reports nothing: the catalog's
 * lease gives the job to another worker. Runs in its own application (own profile), as it stops the job executor.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestProfile(ShutdownTest.OwnApplication.class)
class ShutdownTest extends RealServersTest {

    @Inject
    JobExecutor executor;

    @Test
    void stoppingTheWorkerAbortsTheRunningDumpWithoutReportingIt() throws Exception {
        PostgresServer postgres = SampleDatabase.ensure();
        try (NotesLock lock = NotesLock.hold(postgres);
                DumpJobs jobs = new DumpJobs(bootstrapServers, mapper, cryptoKey, signingKey);
                JobEventLog events = new JobEventLog(bootstrapServers, mapper)) {
            DumpJob job = jobs.send(jobs.job(postgres, SampleDatabase.NAME, SampleDatabase.ROLE,
                    SampleDatabase.PASSWORD, DumpOptions.defaults()));
            await().atMost(Duration.ofSeconds(30)).until(() -> lock.pgDumpWaits() && !uploads(job).isEmpty());

            executor.stop(new ShutdownEvent());

            assertTrue(uploads(job).isEmpty(), "the multipart upload was aborted");
            List<JobEvent> history = events.awaitEvents(job.jobId(), Duration.ofSeconds(3));
            assertEquals(JobEventType.CLAIMED, history.get(0).type());
            assertTrue(history.stream().allMatch(e -> e.type() == JobEventType.CLAIMED
                    || e.type() == JobEventType.PROGRESS), history::toString);
        }
    }

    private List<?> uploads(DumpJob job) {
        return s3.listMultipartUploads(b -> b.bucket(bucket).prefix(job.keyPrefix())).uploads();
    }

    /** A profile of its own, so that this test gets an application it may stop. */
    public static class OwnApplication implements QuarkusTestProfile {
    }
}
