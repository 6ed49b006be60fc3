package io.snapkeep.restoreworker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.restoreworker.support.Archive;
import io.snapkeep.restoreworker.support.Archives;
import io.snapkeep.restoreworker.support.RestoreJobs;
import io.snapkeep.restoreworker.support.SampleDatabase;
import io.snapkeep.worker.support.JobEventLog;
import io.snapkeep.worker.support.RealServersTest;

/**
 * What the restore tests share: jobs go in on {@code snapkeep.restore-jobs} with a plain producer, events are read
 * back from {@code snapkeep.job-events}, archives are made by stock pg_dump and put in the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RestoreFlowBase extends RealServersTest {
    static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
    private static Archive sampleArchive;

    PostgresServer postgres;
    RestoreJobs jobs;
    JobEventLog events;
    Archives archives;

    @BeforeAll
    void setUp() {
        postgres = SampleDatabase.ensure();
        jobs = new RestoreJobs(bootstrapServers, mapper, cryptoKey, signingKey, postgres);
        events = new JobEventLog(bootstrapServers, mapper);
        archives = new Archives(postgres, s3, bucket);
    }

    @AfterAll
    void tearDown() {
        jobs.close();
        events.close();
    }

    /** {@code pg_dump -Fc} of the sample, made and uploaded once. */
    Archive sampleArchive() {
        synchronized (RestoreFlowBase.class) {
            if (sampleArchive == null) {
                sampleArchive = archives.dump(SampleDatabase.NAME, "custom", "-Fc");
            }
            return sampleArchive;
        }
    }

    /** A fresh database name for one test. */
    static String name(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A copy of the sample owned by the app role, changed so that a restore visibly replaces it. */
    String changedCopy(String prefix) {
        String database = name(prefix);
        SampleDatabase.copy(database, SampleDatabase.APP);
        postgres.psql(database, """
                DELETE FROM pgbench_accounts WHERE aid % 3 = 0;
                DROP TABLE pgbench_history;
                SELECT setval('audit.ticket', 1);
                UPDATE sales.items SET name = 'changed' WHERE id < 100;
                SELECT lo_unlink(min(oid)) FROM pg_largeobject_metadata;
                """);
        return database;
    }

    JobEvent succeeded(RestoreJob job) {
        List<JobEvent> history = events.awaitFinal(job.jobId(), RESTORE_TIMEOUT);
        JobEvent last = history.get(history.size() - 1);
        assertEquals(JobEventType.CLAIMED, history.get(0).type());
        assertEquals(JobEventType.SUCCEEDED, last.type(), () -> "error: " + last.error());
        return last;
    }

    JobEvent failed(RestoreJob job) {
        List<JobEvent> history = events.awaitFinal(job.jobId(), RESTORE_TIMEOUT);
        JobEvent last = history.get(history.size() - 1);
        assertEquals(JobEventType.CLAIMED, history.get(0).type());
        assertEquals(JobEventType.FAILED, last.type(), "the job should have failed");
        return last;
    }

    String fingerprint(String database) {
        return SampleDatabase.fingerprint(postgres, database);
    }

    boolean exists(String database) {
        return SampleDatabase.exists(postgres, database);
    }
}
