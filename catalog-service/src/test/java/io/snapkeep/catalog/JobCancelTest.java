package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

/**
 * {@code POST /jobs/{id}/cancel}: a queued job ends at once, a running one is told through the signed job-control
 * topic and ends when its worker reports CANCELLED or its lease (3 s in the test profile) expires.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class JobCancelTest {
    private static final String ADMIN = "token:bootstrap";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aQueuedJobIsCancelledAtOnceAndItsInstanceFreed() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);

        cancel(started[1]).then().statusCode(202).body("status", equalTo("CANCELLED"))
                .body("error", equalTo("cancelled by " + ADMIN));

        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("FAILED"))
                .body("error", equalTo("cancelled by " + ADMIN));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
        asAdmin().get("/api/v1/audit?action=job.cancel&size=200").then().statusCode(200)
                .body("items.find { it.targets.jobId == '" + started[1] + "' }.outcome", equalTo(202))
                .body("items.find { it.targets.jobId == '" + started[1] + "' }.actor", equalTo(ADMIN));
    }

    @Test
    void anEndedJobIsNotCancelledAndAnUnknownOneIsNotFound() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        KafkaTopics.send(Topics.JOB_EVENTS, started[1], SnapshotApiTest.event(started[1], 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, started[1], WorkerArchives.succeeded(started[1], 1024, "cd".repeat(32)));
        SnapshotApiTest.awaitJob(started[1], "SUCCEEDED");

        cancel(started[1]).then().statusCode(409).body("detail", containsString("already ended SUCCEEDED"));
        cancel(UUID.randomUUID().toString()).then().statusCode(404);
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void aRunningJobIsToldThroughSignedJobControlAndEndsWhenItsWorkerReportsCancelled() throws Exception {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        String jobId = started[1];
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
        try {
            KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event("holder", jobId, 1, "CLAIMED", 0, null,
                    null));
            SnapshotApiTest.awaitJob(jobId, "RUNNING");
            worker.scheduleAtFixedRate(() -> KafkaTopics.send(Topics.JOB_EVENTS, jobId,
                    SnapshotApiTest.event("holder", jobId, 1, "PROGRESS", 10, null, null)), 0, 500,
                    TimeUnit.MILLISECONDS);

            cancel(jobId).then().statusCode(202).body("status", equalTo("RUNNING"))
                    .body("cancelRequestedBy", equalTo(ADMIN));

            var control = KafkaTopics.await(Topics.JOB_CONTROL, r -> jobId.equals(r.key()), 1).get(0);
            assertTrue(KafkaTopics.signed(control), "the command is signed like jobs");
            JsonNode command = JSON.readTree(control.value());
            assertEquals(1, command.get("v").asInt());
            assertEquals(jobId, command.get("jobId").asText());
            assertEquals(1, command.get("attempt").asInt());
            assertEquals("CANCEL", command.get("command").asText());
            assertEquals(ADMIN, command.get("actor").asText());
            asAdmin().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("RUNNING"));
        } finally {
            worker.shutdownNow();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event("holder", jobId, 1, "CANCELLED", 10, null,
                null));

        SnapshotApiTest.awaitJob(jobId, "CANCELLED");
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("error", equalTo("cancelled by " + ADMIN));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("FAILED"))
                .body("error", equalTo("cancelled by " + ADMIN));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
    }

    @Test
    void aCancelNoWorkerConfirmsEndsTheJobCancelledWhenItsLeaseExpires() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        KafkaTopics.send(Topics.JOB_EVENTS, started[1], SnapshotApiTest.event(started[1], 1, "CLAIMED", 0, null, null));
        SnapshotApiTest.awaitJob(started[1], "RUNNING");

        cancel(started[1]).then().statusCode(202);

        SnapshotApiTest.awaitJob(started[1], "CANCELLED");
        asAdmin().get("/api/v1/jobs/" + started[1]).then().body("attempt", equalTo(1));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("error", equalTo("cancelled by " + ADMIN));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
    }

    @Test
    void aRestorePastItsSwapCannotBeCancelled() {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String jobId = asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "SWAPPING", 1024, null, null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> cancel(jobId).then().statusCode(409)
                .body("detail", containsString("past its swap and can no longer be cancelled")));

        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "SUCCEEDED", 1024, "cd".repeat(32),
                null));
        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("cancelRequestedBy", nullValue());
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
    }

    private static Response cancel(String jobId) {
        return asAdmin().post("/api/v1/jobs/" + jobId + "/cancel");
    }
}
