package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.snapkeep.localstack.PostgresServer;

/**
 * A restore-worker killed with SIGKILL in the swap of an in-place restore, at each of its steps (the target closed,
 * nothing renamed; the renames committed, SUCCEEDED not sent), through the worker's test pause point: once a
 * restore-worker runs again, the job ends SUCCEEDED once, the target equals the snapshot and accepts connections, and
 * one previous copy is kept, open as the target was.
 */
class SwapCrashTest {
    private static final Duration PAUSE_SEEN = Duration.ofMinutes(2);

    @ParameterizedTest
    @ValueSource(strings = { "after-close", "after-swap" })
    void aRestoreWorkerKilledInTheSwapLeavesTheRestoreDoneOnceAndTheTargetOpen(String point) {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        String original = SourceDatabase.fingerprint(postgres, source.name);
        String snapshotId = RestoreEndToEndTest.completedSnapshot(instanceId);
        source.vandalise();

        system.killRestoreWorker();
        system.restartRestoreWorker(Map.of("SNAPKEEP_RESTORE_TEST_PAUSE_AT", point));
        String jobId;
        try {
            jobId = RestoreEndToEndTest.restore(snapshotId, instanceId);
            LogLines.await(system.restoreWorkerLog(), "test pause at " + point + " of the swap of " + source.name, 1,
                    PAUSE_SEEN);
            system.killRestoreWorker();
            assertEquals(point.equals("after-close") ? "f" : "t", postgres.psql("postgres",
                    "select datallowconn from pg_database where datname = '" + source.name + "'").trim(),
                    "the kill left the target as the swap's step had it");
        } finally {
            system.killRestoreWorker();
            system.restartRestoreWorker(Map.of());
        }

        Api.awaitJob(jobId, "SUCCEEDED");
        String finishedAt = operator().get("/api/v1/jobs/" + jobId).then().extract().path("finishedAt");
        assertEquals(original, SourceDatabase.fingerprint(postgres, source.name), "the target equals the snapshot");
        assertEquals("1|t", postgres.psql("postgres", "select count(*) || '|' || bool_and(datallowconn)::char"
                + " from pg_database where datname like '" + source.name + "\\_\\_prev\\_%'").trim(),
                "exactly one previous copy, open as the target was");
        FaultChecks.hold(system, source, instanceId);
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED"))
                .body("finishedAt", equalTo(finishedAt));
        operator().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
    }
}
