package io.snapkeep.dumpworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.dumpworker.support.DumpJobs;
import io.snapkeep.dumpworker.support.SampleDatabase;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.worker.support.JobEventLog;
import io.snapkeep.worker.support.RealServersTest;

/**
 * Write access to {@code snapkeep.dump-jobs} is not enough to have a database dumped: an unsigned job and a job altered
 * after it was signed are refused before anything runs (no event, no object), and a genuine job after them still runs.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedJobsTest extends RealServersTest {
    private PostgresServer postgres;
    private DumpJobs jobs;
    private JobEventLog events;

    @BeforeAll
    void setUp() {
        postgres = SampleDatabase.ensure();
        jobs = new DumpJobs(bootstrapServers, mapper, cryptoKey, signingKey);
        events = new JobEventLog(bootstrapServers, mapper);
    }

    @AfterAll
    void tearDown() {
        jobs.close();
        events.close();
    }

    @Test
    void unsignedAndAlteredJobsAreRefusedAndAGenuineOneRunsAfterThem() {
        DumpJob unsigned = sampleJob();
        jobs.sendUnsigned(unsigned);
        DumpJob signed = sampleJob();
        DumpJob altered = new DumpJob(signed.v(), signed.jobId(), signed.snapshotId(), signed.instanceId(),
                signed.attempt(), signed.connection(), signed.options(), "snapshots/elsewhere/overwritten.dump");
        jobs.sendForged(altered, signed);
        DumpJob genuine = jobs.send(sampleJob());

        List<JobEvent> history = events.awaitFinal(genuine.jobId(), Duration.ofSeconds(60));

        assertEquals(JobEventType.SUCCEEDED, history.get(history.size() - 1).type());
        assertEquals(List.of(), events.awaitEvents(unsigned.jobId(), Duration.ofSeconds(1)), "no CLAIMED event");
        assertEquals(List.of(), events.events(signed.jobId()), "no CLAIMED event");
        for (String key : List.of(unsigned.objectKey(), signed.objectKey(), altered.objectKey())) {
            assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents().isEmpty(), key);
            assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().isEmpty(), key);
        }
    }

    private DumpJob sampleJob() {
        return jobs.job(postgres, SampleDatabase.NAME, SampleDatabase.ROLE, SampleDatabase.PASSWORD,
                DumpOptions.defaults());
    }
}
