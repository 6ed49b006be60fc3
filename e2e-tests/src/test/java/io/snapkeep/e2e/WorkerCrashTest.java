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

class WorkerCrashTest {
    @Test
    void aSnapshotWhoseWorkerDiesIsDumpedAgainByAnotherWorker() throws IOException {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());

        TableLock.hold(postgres, source.name);
        String jobId;
        String snapshotId;
        try {
            ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
            snapshotId = started.path("id");
            jobId = started.path("jobId");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId)
                    .then().body("status", equalTo("RUNNING")).body("workerId", notNullValue()));
            String holder = operator().get("/api/v1/jobs/" + jobId).then().extract().path("workerId");
            int victim = holder.equals(RunningSystem.workerId(1)) ? 1 : 2;
            system.killWorker(victim);
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId)
                    .then().body("attempt", equalTo(2)));
            TableLock.release(postgres);
            ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(3));
            assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
            system.restartWorker(victim);
        } finally {
            TableLock.release(postgres);
        }
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED")).body("attempt", equalTo(2));
        FaultChecks.hold(system, source, instanceId);
    }
}
