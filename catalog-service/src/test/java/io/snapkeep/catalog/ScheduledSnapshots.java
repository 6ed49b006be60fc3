package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.restassured.http.ContentType;
import io.snapkeep.messages.Topics;

/** Scheduled snapshots made as the scheduler makes them (a request on Kafka), ended by fake worker events. */
final class ScheduledSnapshots {
    private ScheduledSnapshots() {
    }

    /** A COMPLETED scheduled snapshot of the instance. */
    static String completed(String instanceId) {
        return ended(instanceId, "SUCCEEDED", "{}");
    }

    /** A COMPLETED scheduled snapshot taken with {@code options} (JSON, as a snapshot request carries them). */
    static String completed(String instanceId, String options) {
        return ended(instanceId, "SUCCEEDED", options);
    }

    /** A FAILED scheduled snapshot of the instance. */
    static String failed(String instanceId) {
        return ended(instanceId, "FAILED", "{}");
    }

    static void setPolicy(String instanceId, Map<String, Object> body) {
        asAdmin().contentType(ContentType.JSON).body(body).put("/api/v1/instances/" + instanceId + "/policy").then()
                .statusCode(200);
    }

    private static String ended(String instanceId, String outcome, String options) {
        String requestId = "scheduled:" + instanceId + ":" + UUID.randomUUID();
        KafkaTopics.send(Topics.SNAPSHOT_REQUESTS, instanceId, "{\"v\":1,\"requestId\":\"" + requestId
                + "\",\"instanceId\":\"" + instanceId + "\",\"name\":\"nightly\",\"origin\":\"SCHEDULED\",\"options\":" + options + "}");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin()
                .get("/api/v1/snapshots?requestId=" + requestId).then().body("total", equalTo(1)));
        String snapshotId = asAdmin().get("/api/v1/snapshots?requestId=" + requestId).then().extract()
                .path("items[0].id");
        String jobId = asAdmin().get("/api/v1/jobs?snapshotId=" + snapshotId).then().extract().path("items[0].id");
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, "SUCCEEDED".equals(outcome)
                ? WorkerArchives.succeeded(jobId, 1024, "cd".repeat(32))
                : SnapshotApiTest.event(jobId, 1, "FAILED", 0, null, "pg_dump: connection refused"));
        SnapshotApiTest.awaitJob(jobId, outcome.equals("SUCCEEDED") ? "SUCCEEDED" : "FAILED");
        return snapshotId;
    }
}
