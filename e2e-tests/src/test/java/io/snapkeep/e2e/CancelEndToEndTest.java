package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.Topics;

/**
 * {@code POST /jobs/{id}/cancel} through the running system: a dump waiting on a table lock and an in-place restore
 * sleeping in its side database are stopped by their workers (pg_dump, pg_restore killed; the upload aborted; the side
 * database dropped), end CANCELLED exactly once, and leave the instance free and the target as it was.
 */
class CancelEndToEndTest {
    private static final String CANCEL_BY = "cancelled by token:e2e-operator";

    @Test
    void aRunningDumpIsCancelledItsUploadAbortedAndItsSnapshotFailed() throws IOException {
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
            awaitRunningWithUpload(system, instanceId, jobId);

            operator().post("/api/v1/jobs/" + jobId + "/cancel").then().statusCode(202);

            awaitCancelled(jobId);
        } finally {
            TableLock.release(postgres);
        }
        operator().get("/api/v1/snapshots/" + snapshotId).then().body("status", equalTo("FAILED"))
                .body("error", equalTo(CANCEL_BY));
        assertEquals(1, cancelledEvents(system, jobId), "the worker reported CANCELLED once");
        assertTrue(system.s3.listMultipartUploads(b -> b.bucket(system.stack.bucket())
                .prefix("snapshots/" + instanceId + "/")).uploads().isEmpty(), "the worker aborted its upload");
        operator().post("/api/v1/jobs/" + jobId + "/cancel").then().statusCode(409);
        FaultChecks.hold(system, source, instanceId);
    }

    @Test
    void aRunningRestoreIsCancelledBeforeItsSwapAndTheTargetStaysAsItWas() {
        RunningSystem system = RunningSystem.get();
        PostgresServer postgres = system.stack.postgres();
        SourceDatabase source = SourceDatabase.create(postgres);
        SlowRestores.install(source);
        String instanceId = Api.registerInstance(source.connection());
        ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
        assertEquals("COMPLETED", Api.awaitEnded(started.path("id"), Duration.ofMinutes(3)).path("status"));
        String before = SourceDatabase.fingerprint(postgres, source.name);
        String jobId = operator().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + started.path("id") + "/restore").then().statusCode(202).extract()
                .path("id");
        SlowRestores.awaitSleeping(postgres, source);
        operator().get("/api/v1/jobs/" + jobId).then().body("phase", equalTo("restoring"));

        operator().post("/api/v1/jobs/" + jobId + "/cancel").then().statusCode(202);

        awaitCancelled(jobId);
        assertEquals(1, cancelledEvents(system, jobId), "the worker reported CANCELLED once");
        assertEquals(0, KafkaTopics.records(system.stack.kafka().bootstrapServers(), Topics.JOB_EVENTS,
                r -> jobId.equals(r.key()) && r.value().contains("\"SWAPPING\"")).size(), "it never began a swap");
        assertEquals(before, SourceDatabase.fingerprint(postgres, source.name), "the target is as it was");
        operator().get("/api/v1/snapshots/" + started.path("id")).then().body("status", equalTo("COMPLETED"));
        FaultChecks.hold(system, source, instanceId);
    }

    static void awaitRunningWithUpload(RunningSystem system, String instanceId, String jobId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "RUNNING".equals(operator().get("/api/v1/jobs/" + jobId).then().extract().path("status"))
                        && !system.s3.listMultipartUploads(b -> b.bucket(system.stack.bucket())
                                .prefix("snapshots/" + instanceId + "/")).uploads().isEmpty());
    }

    private static void awaitCancelled(String jobId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> operator().get("/api/v1/jobs/" + jobId).then()
                        .body("status", equalTo("CANCELLED")).body("error", startsWith(CANCEL_BY)));
    }

    private static int cancelledEvents(RunningSystem system, String jobId) {
        List<?> events = KafkaTopics.records(system.stack.kafka().bootstrapServers(), Topics.JOB_EVENTS,
                r -> jobId.equals(r.key()) && r.value().contains("\"CANCELLED\""));
        return events.size();
    }
}
