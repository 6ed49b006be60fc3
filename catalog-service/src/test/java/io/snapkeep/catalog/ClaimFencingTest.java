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
import io.snapkeep.messages.ArchiveChecksum;
import io.snapkeep.messages.Topics;

/**
 * A dump job delivered twice is two claims of one attempt, each writing its own archive: only the first claim's
 * SUCCEEDED completes the snapshot, and only once the store holds its archive as reported; the other claims' archives
 * are deleted. The events go through the real topic, the archives into the real store.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ClaimFencingTest {
    private static final String WORKER = "dump-worker-1";

    @Test
    void onlyTheHoldingClaimCompletesTheSnapshotAndTheOtherClaimsArchivesAreDeleted() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        String jobId = started[1];
        send(jobId, claimed("first", jobId));
        SnapshotApiTest.awaitJob(jobId, "RUNNING");
        send(jobId, claimed("second", jobId));
        String early = WorkerArchives.keyOf(jobId, 1, "second");
        send(jobId, WorkerArchives.succeeded(WORKER, "second", jobId, 1, 300, "0b".repeat(32)));
        String kept = WorkerArchives.keyOf(jobId, 1, "first");
        String succeeded = WorkerArchives.succeeded(WORKER, "first", jobId, 1, 200, "0a".repeat(32));
        send(jobId, succeeded);
        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        String late = WorkerArchives.keyOf(jobId, 1, "third");
        send(jobId, WorkerArchives.succeeded(WORKER, "third", jobId, 1, 400, "0c".repeat(32)));
        send(jobId, succeeded);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !WorkerArchives.exists(early)
                && !WorkerArchives.exists(late) && !WorkerArchives.exists(ArchiveChecksum.keyOf(late)));
        assertTrue(!WorkerArchives.exists(ArchiveChecksum.keyOf(early)), "the losing claim's checksum object went too");
        assertTrue(WorkerArchives.exists(kept) && WorkerArchives.exists(ArchiveChecksum.keyOf(kept)),
                "the holding claim's archive and its checksum stay, even when its SUCCEEDED comes again");
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("COMPLETED"))
                .body("sha256", equalTo("0a".repeat(32))).body("sizeBytes", equalTo(200));
        asAdmin().get("/api/v1/jobs/" + jobId).then().body("workerId", equalTo(WORKER));
        asAdmin().head("/api/v1/snapshots/" + started[0] + "/content").then().statusCode(200)
                .header("Content-Length", "200");
    }

    @Test
    void anArchiveOfAnotherSizeThanReportedFailsTheJob() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        String key = WorkerArchives.store(WorkerArchives.keyOf(started[1], 1, "c1"), 100, "0d".repeat(32));

        succeed(started[1], key, 200, "0d".repeat(32));

        assertFailed(started, "holds 100 bytes, but the worker reported 200");
    }

    @Test
    void anArchiveStoredWithAnotherChecksumThanReportedFailsTheJob() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        String key = WorkerArchives.store(WorkerArchives.keyOf(started[1], 1, "c1"), 100, "0d".repeat(32));

        succeed(started[1], key, 100, "0e".repeat(32));

        assertFailed(started, "is stored with sha256 " + "0d".repeat(32) + ", but the worker reported "
                + "0e".repeat(32));
    }

    @Test
    void anArchiveMissingFromTheStoreOrOutsideTheSnapshotFailsTheJob() {
        String[] missing = Fixtures.startSnapshot(Fixtures.registerInstance());
        succeed(missing[1], WorkerArchives.keyOf(missing[1], 1, "c1"), 100, "0d".repeat(32));
        assertFailed(missing, "or its checksum object is not in the store");

        String[] other = Fixtures.startSnapshot(Fixtures.registerInstance());
        String elsewhere = WorkerArchives.store("snapshots/elsewhere/attempt-1-c1.dump", 100, "0d".repeat(32));
        succeed(other[1], elsewhere, 100, "0d".repeat(32));
        assertFailed(other, "which is not under snapshots/");
    }

    private static void succeed(String jobId, String key, long bytes, String sha256) {
        send(jobId, claimed("c1", jobId));
        send(jobId, SnapshotApiTest.event(WORKER, "c1", jobId, 1, "SUCCEEDED", bytes, sha256, null, key));
    }

    private static void assertFailed(String[] started, String error) {
        SnapshotApiTest.awaitJob(started[1], "FAILED");
        asAdmin().get("/api/v1/jobs/" + started[1]).then().body("error", containsString(error));
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("status", equalTo("FAILED"))
                .body("error", containsString(error)).body("sha256", equalTo(null));
    }

    private static String claimed(String claimId, String jobId) {
        return SnapshotApiTest.event(WORKER, claimId, jobId, 1, "CLAIMED", 0, null, null, null);
    }

    private static void send(String jobId, String event) {
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, event);
    }
}
