package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SnapshotApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSnapshotIsDispatchedThroughTheOutboxWithoutAPlaintextPassword() throws Exception {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);

        asAdmin().get("/api/v1/snapshots/" + started[0]).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("instanceId", equalTo(instanceId))
                .body("format", equalTo("custom")).body("origin", equalTo("ON_DEMAND"));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("SNAPSHOTTING"));

        ConsumerRecord<String, String> record = KafkaTopics
                .await(Topics.DUMP_JOBS, r -> r.value().contains(started[1]), 1).get(0);
        assertEquals(instanceId, record.key(), "jobs are keyed by instance id");
        assertFalse(record.value().contains(Fixtures.PASSWORD), "no plaintext password on Kafka");
        JsonNode job = JSON.readTree(record.value());
        assertEquals(1, job.get("v").asInt());
        assertEquals(1, job.get("attempt").asInt());
        assertEquals(started[0], job.get("snapshotId").asText());
        assertTrue(job.at("/connection/sealedPassword").asText().length() > 20);
        assertEquals("snapshots/" + instanceId + "/" + started[0] + "/", job.get("keyPrefix").asText());
        assertEquals("dump", job.get("extension").asText());
    }

    @Test
    void anInstanceRunsOneJobAtATime() {
        String instanceId = Fixtures.registerInstance();
        Fixtures.startSnapshot(instanceId);
        asAdmin().contentType(ContentType.JSON).body(Map.of("instanceId", instanceId, "name", "again"))
                .post("/api/v1/snapshots").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("SNAPSHOTTING"));
    }

    @Test
    void workerEventsCompleteTheSnapshotOnceAndLateEventsChangeNothing() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        String jobId = started[1];
        String sha = "ab".repeat(32);
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, 1, "CLAIMED", 0, null, null));
        awaitJob(jobId, "RUNNING");
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("RUNNING"));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, 1, "PROGRESS", 4096, null, null));
        String succeeded = WorkerArchives.succeeded(jobId, 8192, sha);
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, succeeded);
        awaitJob(jobId, "SUCCEEDED");
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, 1, "FAILED", 0, null, "late failure"));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, succeeded);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> KafkaTopics.await(
                Topics.SNAPSHOT_EVENTS, r -> r.value().contains(started[0]) && r.value().contains("COMPLETED"), 1));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then()
                .body("status", equalTo("COMPLETED")).body("sizeBytes", equalTo(8192))
                .body("sha256", equalTo(sha)).body("serverVersion", equalTo("15.19"))
                .body("completedAt", notNullValue());
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED"))
                .body("progressBytes", equalTo(8192)).body("error", equalTo(null));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
        List<ConsumerRecord<String, String>> completed = KafkaTopics.readAll(Topics.SNAPSHOT_EVENTS,
                r -> r.value().contains(started[0]) && r.value().contains("COMPLETED"));
        assertEquals(1, completed.size(), "the duplicate SUCCEEDED announced nothing");
    }

    @Test
    void aSecondWorkerRunningTheSameAttemptIsIgnored() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        String jobId = started[1];
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event("worker-a", "a1", jobId, 1, "CLAIMED", 0, null, null, null));
        awaitJob(jobId, "RUNNING");
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event("worker-b", "b1", jobId, 1, "CLAIMED", 0, null, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId,
                WorkerArchives.succeeded("worker-b", "b1", jobId, 1, 10, "0b".repeat(32)));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId,
                WorkerArchives.succeeded("worker-a", "a1", jobId, 1, 20, "0a".repeat(32)));
        awaitJob(jobId, "SUCCEEDED");
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("workerId", equalTo("worker-a"));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("sha256", equalTo("0a".repeat(32)))
                .body("sizeBytes", equalTo(20));
    }

    @Test
    void aFailureReportedByTheWorkerFailsTheSnapshotWithItsError() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        KafkaTopics.send(Topics.JOB_EVENTS, started[1], event(started[1], 1, "FAILED", 0, null,
                "pg_dump: error: connection to server failed: FATAL:  password authentication failed"));
        awaitJob(started[1], "FAILED");
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("FAILED"))
                .body("error", containsString("password authentication failed"));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
    }

    @Test
    void badSnapshotRequestsAreRefused() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("instanceId", UUID.randomUUID(), "name", "x"))
                .post("/api/v1/snapshots").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("No instance with id"));
        String instanceId = Fixtures.registerInstance();
        asAdmin().contentType(ContentType.JSON).body(Map.of("instanceId", instanceId))
                .post("/api/v1/snapshots").then().statusCode(400).body("errors[0].field", equalTo("name"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post("/api/v1/snapshots").then().statusCode(400).body("errors[0].field", equalTo("instanceId"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("instanceId", instanceId, "name", "x", "options", Map.of("format", "zip")))
                .post("/api/v1/snapshots").then().statusCode(400)
                .body("errors[0].field", equalTo("options.format"));
        asAdmin().get("/api/v1/snapshots/" + UUID.randomUUID()).then().statusCode(404);
        asAdmin().get("/api/v1/snapshots?status=LOST").then().statusCode(400).body("errors[0].field", equalTo("status"));
        asAdmin().get("/api/v1/snapshots?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void snapshotsAreListedNewestFirstWithPagingAndFilters() {
        String instanceId = Fixtures.registerInstance();
        for (int i = 0; i < 3; i++) {
            String jobId = Fixtures.startSnapshot(instanceId)[1];
            KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, 1, "FAILED", 0, null, "boom " + i));
            awaitJob(jobId, "FAILED");
        }
        asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId + "&size=2&page=0").then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(3)).body("page", equalTo(0))
                .body("items[0].error", equalTo("boom 2")).body("items[1].error", equalTo("boom 1"));
        asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId + "&size=2&page=1").then()
                .body("items", hasSize(1)).body("items[0].error", equalTo("boom 0"));
        asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId + "&status=completed").then()
                .body("items", hasSize(0));
        asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId + "&origin=ON_DEMAND").then()
                .body("items", hasSize(3)).body("items.instanceId", everyItem(equalTo(instanceId)));
        asAdmin().get("/api/v1/jobs?instanceId=" + instanceId + "&status=FAILED").then()
                .body("total", equalTo(3));
    }

    static void awaitJob(String jobId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("status", equalTo(status)));
    }

    static String event(String jobId, int attempt, String type, long bytes, String sha, String error) {
        return event("test-worker", jobId, attempt, type, bytes, sha, error);
    }

    static String event(String workerId, String jobId, int attempt, String type, long bytes, String sha,
            String error) {
        return event(workerId, null, jobId, attempt, type, bytes, sha, error, null);
    }

    /** A job event of the claim {@code claimId} (null: an event without one); {@code objectKey} for SUCCEEDED. */
    static String event(String workerId, String claimId, String jobId, int attempt, String type, long bytes,
            String sha, String error, String objectKey) {
        Map<String, Object> event = new HashMap<>(Map.of("v", 1, "jobId", jobId, "attempt", attempt, "workerId",
                workerId, "type", type, "bytes", bytes, "sha256", sha == null ? "" : sha, "serverVersion", "15.19",
                "toolVersion", "pg_dump (PostgreSQL) 15.19", "error", error == null ? "" : error));
        event.put("claimId", claimId);
        event.put("objectKey", objectKey);
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
