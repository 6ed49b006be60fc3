package io.snapkeep.dumpworker.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.dumpworker.support.DumpJobs;
import io.snapkeep.dumpworker.support.NotesLock;
import io.snapkeep.dumpworker.support.SampleDatabase;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.JobControl;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.messages.Topics;
import io.snapkeep.worker.support.JobControlGroups;
import io.snapkeep.worker.support.JobEventLog;
import io.snapkeep.worker.support.JobProducer;
import io.snapkeep.worker.support.RealServersTest;

/**
 * A signed CANCEL on {@code snapkeep.job-control} for the running attempt kills its {@code pg_dump}, aborts the
 * multipart upload and reports CANCELLED; an unsigned one, and one for another attempt, change nothing. The dump is
 * held running by {@link NotesLock}.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class CancelTest extends RealServersTest {

    @Test
    void aSignedCancelStopsTheRunningDumpAndAnUnsignedOneIsIgnored() throws Exception {
        PostgresServer postgres = SampleDatabase.ensure();
        try (NotesLock lock = NotesLock.hold(postgres);
                DumpJobs jobs = new DumpJobs(bootstrapServers, mapper, cryptoKey, signingKey);
                JobProducer control = new JobProducer(bootstrapServers, mapper, Topics.JOB_CONTROL, signingKey);
                JobEventLog events = new JobEventLog(bootstrapServers, mapper)) {
            DumpJob job = jobs.send(jobs.job(postgres, SampleDatabase.NAME, SampleDatabase.ROLE,
                    SampleDatabase.PASSWORD, DumpOptions.defaults()));
            await().atMost(Duration.ofSeconds(30)).until(() -> lock.pgDumpWaits() && !uploads(job).isEmpty());
            JobControlGroups.awaitListening(bootstrapServers, "snapkeep-dump-worker-control-");

            control.sendUnsigned(job.jobId(), JobControl.cancel(job.jobId(), job.attempt(), "token:intruder"));
            control.send(job.jobId(), JobControl.cancel(job.jobId(), job.attempt() + 1, "token:ops"));
            List<JobEvent> meanwhile = events.awaitEvents(job.jobId(), Duration.ofSeconds(3));
            assertTrue(meanwhile.stream().allMatch(e -> e.type() == JobEventType.CLAIMED
                    || e.type() == JobEventType.PROGRESS), meanwhile::toString);
            assertTrue(runningPgDump(), "pg_dump runs on");

            control.send(job.jobId(), JobControl.cancel(job.jobId(), job.attempt(), "token:ops"));

            List<JobEvent> history = events.awaitFinal(job.jobId(), Duration.ofSeconds(30));
            JobEvent last = history.get(history.size() - 1);
            assertEquals(JobEventType.CANCELLED, last.type(), history::toString);
            assertEquals(job.attempt(), last.attempt());
            assertTrue(history.stream().noneMatch(e -> e.type() == JobEventType.FAILED), history::toString);
            await().atMost(Duration.ofSeconds(5)).until(() -> !runningPgDump());
            assertTrue(uploads(job).isEmpty(), "the multipart upload was aborted");
            assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).prefix(job.keyPrefix())).contents().isEmpty(),
                    "no object was made");
        }
    }

    private List<?> uploads(DumpJob job) {
        return s3.listMultipartUploads(b -> b.bucket(bucket).prefix(job.keyPrefix())).uploads();
    }

    private static boolean runningPgDump() {
        return ProcessHandle.current().descendants()
                .anyMatch(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("/pg_dump")).orElse(false));
    }
}
