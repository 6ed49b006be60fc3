package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;

/**
 * A dump-worker killed with SIGKILL right after it claimed a job and started again at once: neither it nor the other
 * worker may read the job again and run the old attempt beside the one the catalog dispatches once the lease expired.
 */
class WorkerRestartTest {

    @Test
    void aWorkerStartedAgainDoesNotRunTheAttemptItHadBesideTheNextOne() throws IOException {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        TableLock.hold(postgres, source.name);
        String snapshotId;
        String jobId;
        try {
            ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
            snapshotId = started.path("id");
            jobId = started.path("jobId");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId).then()
                            .body("status", equalTo("RUNNING")).body("workerId", notNullValue()));
            String holder = operator().get("/api/v1/jobs/" + jobId).then().extract().path("workerId");
            int victim = holder.equals(RunningSystem.workerId(1)) ? 1 : 2;
            system.killWorker(victim);
            system.restartWorker(victim);
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> operator()
                    .get("/api/v1/jobs/" + jobId).then().body("attempt", equalTo(2))
                    .body("status", equalTo("RUNNING")));
        } finally {
            TableLock.release(postgres);
        }
        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(2));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED")).body("attempt", equalTo(2));
        assertEquals(1, JobEventsOnTopic.count(system, jobId, "CLAIMED", 1), "attempt 1 was claimed once");
        assertEquals(1, JobEventsOnTopic.count(system, jobId, "CLAIMED", 2), "attempt 2 was claimed once");
        FaultChecks.hold(system, source, instanceId);
    }
}
