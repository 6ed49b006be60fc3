package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

/**
 * A job's expectedBytes and a restore's phase, as its worker reports them in CLAIMED and PROGRESS events, show on
 * {@code GET /jobs/{id}} and in the list, with an etaSeconds from the rate so far; none of it before there is a rate,
 * and no phase once the job ended.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class JobProgressTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDumpShowsWhatItExpectsAndItsEtaFromTheRateSoFar() throws Exception {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        String jobId = started[1];
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, "CLAIMED", 0, 1_000_000L, null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("status", equalTo("RUNNING")).body("expectedBytes", equalTo(1_000_000))
                .body("etaSeconds", nullValue()));

        Thread.sleep(2000);
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, "PROGRESS", 250_000, 1_000_000L, null));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("progressBytes", equalTo(250_000)));
        var view = asAdmin().get("/api/v1/jobs/" + jobId).then().statusCode(200).extract();
        long eta = ((Number) view.path("etaSeconds")).longValue();
        long ranMillis = Duration.between(Instant.parse(view.path("startedAt")), Instant.now())
                .toMillis();
        long expected = Math.round(3.0 * ranMillis / 1000);
        assertTrue(Math.abs(eta - expected) <= 2, "a quarter done after " + ranMillis + " ms leaves about three times"
                + " that: " + eta + " s");
        asAdmin().get("/api/v1/jobs?snapshotId=" + started[0]).then().statusCode(200)
                .body("items[0].expectedBytes", equalTo(1_000_000)).body("items[0].etaSeconds", notNullValue());
    }

    @Test
    void aRestoreShowsItsPhaseUntilItEnds() throws Exception {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String jobId = asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, "PROGRESS", 0, 1024L, "downloading"));
        awaitPhase(jobId, "downloading");
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, "PROGRESS", 512, 1024L, "restoring"));
        awaitPhase(jobId, "restoring");
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("expectedBytes", equalTo(1024));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, "PROGRESS", 1024, 1024L, "checking"));
        awaitPhase(jobId, "checking");
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("etaSeconds", equalTo(0));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event(jobId, "SWAPPING", 1024, 1024L, "swapping"));
        awaitPhase(jobId, "swapping");
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "SUCCEEDED", 1024, "cd".repeat(32),
                null));

        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("phase", nullValue()).body("etaSeconds", nullValue())
                .body("expectedBytes", equalTo(1024));
    }

    private static void awaitPhase(String jobId, String phase) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("phase", equalTo(phase)));
    }

    private static String event(String jobId, String type, long bytes, Long expectedBytes, String phase)
            throws Exception {
        Map<String, Object> event = new HashMap<>(Map.of("v", 1, "jobId", jobId, "attempt", 1, "workerId",
                "test-worker", "type", type, "bytes", bytes));
        event.put("expectedBytes", expectedBytes);
        event.put("phase", phase);
        return JSON.writeValueAsString(event);
    }
}
