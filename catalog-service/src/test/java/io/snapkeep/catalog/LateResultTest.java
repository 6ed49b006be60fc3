package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.ArchiveChecksum;
import io.snapkeep.messages.Topics;

/**
 * The SUCCEEDED of an attempt given up for lost (its heartbeats did not arrive within the lease, as in a Kafka outage)
 * that arrives while a later attempt is under way is taken, not dropped: a restore is not swapped a second time, a dump
 * completes with the archive that attempt wrote, once the store check passed; the later attempt's result then loses.
 * A retry of a restore keeps the previous copy's name and learns whether the target was open before the swap began;
 * so does the cleanup job of a restore given up after its swap began, which re-opens a target left closed. The test
 * profile gives leases of 3 s and at most 2 attempts.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class LateResultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKER = "restore-worker-1";

    @Test
    void aLateSucceededOfAnEarlierRestoreAttemptEndsTheJobAndTheRetryKeepsThePreviousCopysName() throws Exception {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String jobId = asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");
        send(jobId, SnapshotApiTest.event(WORKER, "c1", jobId, 1, "CLAIMED", 0, null, null, null));
        send(jobId, swapping(jobId, 1, "c1"));

        JsonNode first = restoreJob(jobId, 1);
        JsonNode second = restoreJob(jobId, 2);
        assertEquals(first.get("previousDatabase").asText(), second.get("previousDatabase").asText(),
                "every attempt keeps the previous copy under one name");
        assertTrue(first.get("targetAllowConnections").isNull(), "the first attempt has no earlier swap to settle");
        assertTrue(second.get("targetAllowConnections").asBoolean(), "the retry learns the target was open");
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("QUEUED")).body("attempt", equalTo(2));

        send(jobId, SnapshotApiTest.event(WORKER, "c1", jobId, 1, "SUCCEEDED", 1024, "cd".repeat(32), null, null));
        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("attempt", equalTo(2)).body("workerId", equalTo(WORKER))
                .body("error", equalTo(null));
    }

    @Test
    void aRestoreGivenUpAfterItsSwapBeganGetsACleanupJobThatSettlesItsTarget() throws Exception {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String jobId = asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");
        send(jobId, SnapshotApiTest.event(WORKER, "c1", jobId, 1, "CLAIMED", 0, null, null, null));
        send(jobId, swapping(jobId, 1, "c1"));
        String previous = restoreJob(jobId, 1).get("previousDatabase").asText();
        restoreJob(jobId, 2);
        send(jobId, SnapshotApiTest.event(WORKER, "c2", jobId, 2, "CLAIMED", 0, null, null, null));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("status", equalTo("FAILED")));
        JsonNode cleanup = JSON.readTree(KafkaTopics.await(Topics.RESTORE_JOBS, r -> r.value().contains("DROP_DATABASES")
                && r.value().contains(previous), 1).get(0).value());
        assertEquals(previous, cleanup.get("previousDatabase").asText(), "the cleanup looks for the previous copy");
        assertTrue(cleanup.get("targetAllowConnections").asBoolean(), "and re-opens the target only if it was open");
        assertFalse(cleanup.get("dropDatabases").toString().contains(previous), "it never drops the previous copy");
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
    }

    @Test
    void aLateSucceededOfAnEarlierDumpAttemptCompletesTheSnapshotAndTheCurrentAttemptsArchiveLoses() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        String jobId = started[1];
        claimAndLoseAttempt1(jobId);
        send(jobId, SnapshotApiTest.event(WORKER, "c2", jobId, 2, "CLAIMED", 0, null, null, null));
        String late = WorkerArchives.succeeded(WORKER, "c1", jobId, 1, 200, "0a".repeat(32));
        String current = WorkerArchives.keyOf(jobId, 2, "c2");

        send(jobId, late);
        send(jobId, WorkerArchives.succeeded(WORKER, "c2", jobId, 2, 300, "0b".repeat(32)));

        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !WorkerArchives.exists(current)
                && !WorkerArchives.exists(ArchiveChecksum.keyOf(current)));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("COMPLETED"))
                .body("sha256", equalTo("0a".repeat(32))).body("sizeBytes", equalTo(200));
        assertTrue(WorkerArchives.exists(WorkerArchives.keyOf(jobId, 1, "c1")), "the late attempt's archive is kept");
    }

    @Test
    void aLateSucceededWhoseArchiveFailsTheStoreCheckIsDeletedAndTheCurrentAttemptGoesOn() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        String jobId = started[1];
        claimAndLoseAttempt1(jobId);
        send(jobId, SnapshotApiTest.event(WORKER, "c2", jobId, 2, "CLAIMED", 0, null, null, null));
        String bad = WorkerArchives.store(WorkerArchives.keyOf(jobId, 1, "c1"), 100, "0d".repeat(32));

        send(jobId, SnapshotApiTest.event(WORKER, "c1", jobId, 1, "SUCCEEDED", 200, "0d".repeat(32), null, bad));
        send(jobId, WorkerArchives.succeeded(WORKER, "c2", jobId, 2, 300, "0b".repeat(32)));

        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("COMPLETED"))
                .body("sha256", equalTo("0b".repeat(32))).body("sizeBytes", equalTo(300));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !WorkerArchives.exists(bad));
        assertFalse(WorkerArchives.exists(ArchiveChecksum.keyOf(bad)), "its checksum object went too");
    }

    /** Attempt 1 claimed, then silent until its lease expired and attempt 2 was dispatched. */
    private static void claimAndLoseAttempt1(String jobId) {
        send(jobId, SnapshotApiTest.event(WORKER, "c1", jobId, 1, "CLAIMED", 0, null, null, null));
        SnapshotApiTest.awaitJob(jobId, "RUNNING");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("attempt", equalTo(2)).body("status", equalTo("QUEUED")));
    }

    private static JsonNode restoreJob(String jobId, int attempt) throws Exception {
        return JSON.readTree(KafkaTopics.await(Topics.RESTORE_JOBS, r -> r.value().contains(jobId)
                && r.value().contains("\"attempt\":" + attempt + ","), 1).get(0).value());
    }

    private static String swapping(String jobId, int attempt, String claimId) throws Exception {
        Map<String, Object> event = JSON.readValue(SnapshotApiTest.event(WORKER, claimId, jobId, attempt, "SWAPPING", 0,
                null, null, null), new TypeReference<>() {
                });
        event.put("targetAllowConnections", true);
        return JSON.writeValueAsString(event);
    }

    private static void send(String jobId, String event) {
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event);
    }
}
