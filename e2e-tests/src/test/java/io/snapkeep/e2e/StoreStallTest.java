package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.Topics;

/**
 * The store paused with SIGSTOP while a dump streams into its multipart upload, for longer than the lease (8 s), then
 * resumed: the worker's heartbeats keep its lease meanwhile, so the job is not dispatched again, and once the store
 * answers the dump completes once, its archive matching its checksum.
 */
class StoreStallTest {
    private static final Duration PAUSE = Duration.ofSeconds(20);

    @Test
    void aDumpWhoseStoreIsPausedMidUploadCompletesOnceWhenItIsBack() throws IOException, InterruptedException {
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
            CancelEndToEndTest.awaitRunningWithUpload(system, instanceId, jobId);
            system.pauseStore();
            try {
                TableLock.release(postgres);
                Thread.sleep(PAUSE.toMillis());
                operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("RUNNING"))
                        .body("attempt", equalTo(1));
            } finally {
                system.resumeStore();
            }
        } finally {
            TableLock.release(postgres);
        }

        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(3));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED")).body("attempt", equalTo(1));
        assertEquals(1, KafkaTopics.records(system.stack.kafka().bootstrapServers(), Topics.JOB_EVENTS,
                r -> jobId.equals(r.key()) && r.value().contains("\"CLAIMED\"")).size(), "claimed once: never re-run");
        FaultChecks.hold(system, source, instanceId);
    }
}
