package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;

/**
 * Write access to {@code snapkeep.job-events} is not enough to complete (or fail) a job: an unsigned event and one
 * altered after signing change nothing; a genuine one then completes the job. And what the catalog publishes is signed.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SignedEventsTest {

    @Test
    void unsignedAndAlteredEventsChangeNothingAndAGenuineOneCompletesTheJob() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);
        String jobId = started[1];
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "CLAIMED", 0, null, null));
        SnapshotApiTest.awaitJob(jobId, "RUNNING");
        String forgedSha = "ee".repeat(32);
        String succeeded = SnapshotApiTest.event(jobId, 1, "SUCCEEDED", 666, forgedSha, null);

        KafkaTopics.sendUnsigned(Topics.JOB_EVENTS, jobId, succeeded);
        KafkaTopics.sendForged(Topics.JOB_EVENTS, jobId, succeeded,
                SnapshotApiTest.event(jobId, 1, "PROGRESS", 10, null, null));
        KafkaTopics.sendForged(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "FAILED", 0, null, "x"),
                SnapshotApiTest.event(jobId, 1, "PROGRESS", 10, null, null));

        // a genuine heartbeat after them, on the same partition: once it is applied, the forged ones were read before
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "PROGRESS", 100, null, null));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAdmin().get("/api/v1/jobs/" + jobId)
                .then().body("progressBytes", equalTo(100)));
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("RUNNING")).body("error", equalTo(null));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("RUNNING"));

        String sha = "ab".repeat(32);
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, WorkerArchives.succeeded(jobId, 8192, sha));
        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("COMPLETED"))
                .body("sha256", equalTo(sha)).body("sizeBytes", equalTo(8192));
    }

    @Test
    void theOutboxPublishesSignedJobs() {
        String instanceId = Fixtures.registerInstance();
        String[] started = Fixtures.startSnapshot(instanceId);

        ConsumerRecord<String, String> job = KafkaTopics.await(Topics.DUMP_JOBS,
                r -> r.value().contains(started[1]), 1).get(0);

        assertTrue(KafkaTopics.signed(job), "the dump job carries a valid signature");
    }
}
