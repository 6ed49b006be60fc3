package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.snapkeep.localstack.PostgresServer;

/**
 * Kafka paused (SIGSTOP) for 12 s, longer than the 8 s lease, while an in-place restore is in its swap (held there 5 s by the
 * worker's test pause point, right after it closed the target): the worker swaps while its heartbeats and its
 * SUCCEEDED cannot be sent, the catalog gives the attempt up and dispatches attempt 2. Once Kafka is back, attempt 1's
 * late SUCCEEDED is taken and attempt 2 finds the swap done: the restore swapped exactly once.
 */
class RestoreKafkaOutageTest {
    private static final Duration HELD = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @Test
    void aKafkaOutageLongerThanTheLeaseDuringASwapMakesTheRestoreSwapOnce() throws InterruptedException {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        String original = SourceDatabase.fingerprint(postgres, source.name);
        String snapshotId = RestoreEndToEndTest.completedSnapshot(instanceId);
        source.vandalise();

        system.killRestoreWorker();
        system.restartRestoreWorker(Map.of("SNAPKEEP_RESTORE_TEST_PAUSE_AT", "after-close",
                "SNAPKEEP_RESTORE_TEST_PAUSE_FOR", HELD.toSeconds() + "s"));
        try {
            String jobId = RestoreEndToEndTest.restore(snapshotId, instanceId);
            LogLines.await(system.restoreWorkerLog(), "test pause at after-close of the swap of " + source.name, 1,
                    Duration.ofMinutes(2));
            system.pauseKafka();
            long paused = System.nanoTime();
            try {
                Awaitility.await("attempt 1 swapped while Kafka is paused").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500)).until(() -> previousCopies(postgres, source).equals("1"));
                Awaitility.await("the lease of attempt 1 expired").atMost(Duration.ofSeconds(40))
                        .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> operator()
                                .get("/api/v1/jobs/" + jobId).then().body("attempt", equalTo(2)));
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - paused).toMillis()));
            } finally {
                system.resumeKafka();
            }

            Api.awaitJob(jobId, "SUCCEEDED");
            LogLines.await(system.restoreWorkerLog(), "job " + jobId + ": succeeded", 2, Duration.ofMinutes(2));
            assertEquals(original, SourceDatabase.fingerprint(postgres, source.name), "the target equals the snapshot");
            assertEquals("1", previousCopies(postgres, source), "exactly one previous copy: one swap");
            FaultChecks.hold(system, source, instanceId);
            operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED"));
        } finally {
            system.killRestoreWorker();
            system.restartRestoreWorker(Map.of());
        }
    }

    private static String previousCopies(PostgresServer postgres, SourceDatabase source) {
        return postgres.psql("postgres", "select count(*) from pg_database where datname like '" + source.name
                + "\\_\\_prev\\_%'").trim();
    }
}
