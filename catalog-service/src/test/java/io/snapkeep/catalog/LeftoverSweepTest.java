package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.catalog.service.Awaits;
import io.snapkeep.catalog.service.CleanupRetries;
import io.snapkeep.catalog.service.MultipartSweeper;
import io.snapkeep.catalog.service.OrphanObjectSweeper;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sweeps of leftovers against the real store and catalog (test profile: uploads and orphans count as left over
 * after 2 s; cleanup retries back off 1 s, then 2 s, at most 2 retries; the sweeps run when the test calls them).
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class LeftoverSweepTest {
    private static final Duration PAST_THE_AGE = Duration.ofMillis(3000);

    @Inject
    S3Client s3;

    @Inject
    MultipartSweeper multiparts;

    @Inject
    OrphanObjectSweeper orphans;

    @Inject
    CleanupRetries cleanupRetries;

    @ConfigProperty(name = "snapkeep.store.bucket")
    String bucket;

    @Test
    void anOldIncompleteMultipartUploadIsAbortedButNotAYoungOneNorOneARunningDumpWrites() throws Exception {
        String abandoned = "snapshots/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/attempt-1-dead.dump";
        String[] running = Fixtures.startSnapshot(Fixtures.registerInstance());
        KafkaTopics.send(Topics.JOB_EVENTS, running[1], SnapshotApiTest.event(running[1], 1, "CLAIMED", 0, null, null));
        SnapshotApiTest.awaitJob(running[1], "RUNNING");
        String written = WorkerArchives.keyOf(running[1], 1, "live");
        startUpload(abandoned);
        startUpload(written);
        Thread.sleep(PAST_THE_AGE.toMillis());
        String young = "snapshots/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/attempt-1-young.dump";
        startUpload(young);

        int aborted = Awaits.await(multiparts::sweep);

        assertTrue(aborted >= 1, "aborted " + aborted);
        assertFalse(pending(abandoned), "the abandoned upload is aborted");
        assertTrue(pending(written), "the upload of a running dump stays, however old");
        assertTrue(pending(young), "an upload younger than the age limit stays");
    }

    @Test
    void objectsOfSnapshotsNeverRecordedOrFailedAreRemovedOnceOlderThanTheGrace() throws Exception {
        String unrecorded = "snapshots/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/upload.dump";
        put(unrecorded);
        String[] failed = Fixtures.startSnapshot(Fixtures.registerInstance());
        KafkaTopics.send(Topics.JOB_EVENTS, failed[1], SnapshotApiTest.event(failed[1], 1, "FAILED", 0, null,
                "pg_dump: error"));
        SnapshotApiTest.awaitJob(failed[1], "FAILED");
        String ofFailed = put(WorkerArchives.keyOf(failed[1], 1, "late"));
        String completed = Fixtures.completedSnapshot(Fixtures.registerInstance());
        Thread.sleep(PAST_THE_AGE.toMillis());
        String young = put("snapshots/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/upload.dump");

        int removed = Awaits.await(orphans::sweep);

        assertTrue(removed >= 2, "removed " + removed);
        assertFalse(WorkerArchives.exists(unrecorded), "an object with no snapshot row is removed");
        assertFalse(WorkerArchives.exists(ofFailed), "an object of a FAILED snapshot is removed");
        assertTrue(WorkerArchives.exists(young), "an object younger than the grace stays: its row may be coming");
        asAdmin().get("/api/v1/snapshots/" + completed + "/content").then().statusCode(200);
    }

    @Test
    void aFailedCleanupJobIsRetriedWithBackOffAndAtMostTwice() {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String restoreId = asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");
        KafkaTopics.send(Topics.JOB_EVENTS, restoreId, SnapshotApiTest.event(restoreId, 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, restoreId, SnapshotApiTest.event(restoreId, 1, "SUCCEEDED", 1024,
                "cd".repeat(32), null));
        SnapshotApiTest.awaitJob(restoreId, "SUCCEEDED");
        String first = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cleanupOf(snapshotId, null),
                id -> id != null);

        String second = failThenRetry(first);
        String third = failThenRetry(second);
        fail(third);

        Awaits.await(cleanupRetries::retryDue);
        assertEquals(null, cleanupOf(snapshotId, third), "the last retry is not retried again");
        asAdmin().get("/api/v1/jobs/" + third).then().body("retryOf", equalTo(second)).body("status", equalTo("FAILED"));
        asAdmin().get("/api/v1/jobs/" + first).then().body("status", equalTo("FAILED"))
                .body("error", equalTo("database app__prev in use"));
    }

    /** Fails the cleanup job, checks it is not retried before its back-off, then that it is: @return the retry's id */
    private String failThenRetry(String cleanupId) {
        fail(cleanupId);
        String snapshotId = asAdmin().get("/api/v1/jobs/" + cleanupId).then().extract().path("snapshotId");
        Awaits.await(cleanupRetries::retryDue);
        assertEquals(null, cleanupOf(snapshotId, cleanupId), "not retried before its back-off");
        String retry = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Awaits.await(cleanupRetries::retryDue);
                    return cleanupOf(snapshotId, cleanupId);
                }, id -> id != null);
        asAdmin().get("/api/v1/jobs/" + retry).then().body("type", equalTo("CLEANUP")).body("status",
                equalTo("QUEUED"));
        return retry;
    }

    private static void fail(String cleanupId) {
        KafkaTopics.send(Topics.JOB_EVENTS, cleanupId, SnapshotApiTest.event(cleanupId, 1, "FAILED", 0, null,
                "database app__prev in use"));
        SnapshotApiTest.awaitJob(cleanupId, "FAILED");
    }

    /** The CLEANUP job of the snapshot that retries {@code retryOf} (null: the first one), or null. */
    private static String cleanupOf(String snapshotId, String retryOf) {
        List<Map<String, Object>> items = asAdmin().get("/api/v1/jobs?size=100&snapshotId=" + snapshotId).then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(job -> "CLEANUP".equals(job.get("type")))
                .filter(job -> retryOf == null ? job.get("retryOf") == null : retryOf.equals(job.get("retryOf")))
                .map(job -> (String) job.get("id")).findFirst().orElse(null);
    }

    private void startUpload(String key) {
        s3.createMultipartUpload(b -> b.bucket(bucket).key(key));
    }

    private boolean pending(String key) {
        return !s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().isEmpty();
    }

    private String put(String key) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("left over"));
        return key;
    }
}
