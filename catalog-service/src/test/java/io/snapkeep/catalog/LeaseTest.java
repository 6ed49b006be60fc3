package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

/** The test profile gives leases of 3 s and at most 2 attempts. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class LeaseTest {

    @Test
    void aJobWhoseWorkerFallsSilentIsDispatchedAgainThenFails() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        String jobId = started[1];
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "CLAIMED", 0, null, null));
        SnapshotApiTest.awaitJob(jobId, "RUNNING");

        var second = KafkaTopics.await(Topics.DUMP_JOBS,
                r -> r.value().contains(jobId) && r.value().contains("\"attempt\":2"), 1).get(0);
        assertTrue(second.value().contains("\"keyPrefix\":\"snapshots/" + instanceId + "/" + started[0] + "/\""),
                "each claim of the new attempt names its own object under the snapshot's prefix");
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("attempt", equalTo(2)).body("status", equalTo("QUEUED"));

        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "SUCCEEDED", 1, "00".repeat(32), null));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 2, "CLAIMED", 0, null, null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("status", equalTo("FAILED")).body("attempt", equalTo(2))
                .body("error", containsString("stopped heartbeating during attempt 2")));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("FAILED"));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
    }
}
