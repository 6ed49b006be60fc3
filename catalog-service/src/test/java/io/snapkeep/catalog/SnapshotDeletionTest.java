package io.snapkeep.catalog;

import static io.restassured.RestAssured.given;
import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.Topics;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SnapshotDeletionTest {
    @Inject
    S3Client s3;
    @ConfigProperty(name = "snapkeep.store.bucket")
    String bucket;

    @Test
    void deletingRemovesTheObjectsThenMarksTheSnapshotDeleted() {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String archive = store(instanceId, snapshotId, "attempt-1.dump");
        String leftover = store(instanceId, snapshotId, "attempt-0.dump");

        asAdmin().delete("/api/v1/snapshots/" + snapshotId).then().statusCode(204);

        assertFalse(exists(archive), "the archive left the store");
        assertFalse(exists(leftover), "and so did what an earlier attempt left");
        asAdmin().get("/api/v1/snapshots/" + snapshotId).then().body("status", equalTo("DELETED"))
                .body("expiresAt", org.hamcrest.Matchers.nullValue());
        asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId).then().body("total", equalTo(0));
        asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId + "&status=DELETED").then().body("total", equalTo(1));
        KafkaTopics.await(Topics.SNAPSHOT_EVENTS,
                r -> r.value().contains(snapshotId) && r.value().contains("\"DELETED\""), 1);

        asAdmin().delete("/api/v1/snapshots/" + snapshotId).then().statusCode(204);
    }

    @Test
    void anUnknownSnapshotIs404() {
        asAdmin().delete("/api/v1/snapshots/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSnapshotARestoreReadsIsNotDeletedUntilTheRestoreEnded() {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String archive = store(instanceId, snapshotId, "attempt-1.dump");
        String jobId = asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");

        asAdmin().delete("/api/v1/snapshots/" + snapshotId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("RESTORE job " + jobId));
        assertTrue(exists(archive));
        asAdmin().get("/api/v1/snapshots/" + snapshotId).then().body("status", equalTo("COMPLETED"));

        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId,
                SnapshotApiTest.event(jobId, 1, "SUCCEEDED", 1024, "cd".repeat(32), null));
        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        asAdmin().delete("/api/v1/snapshots/" + snapshotId).then().statusCode(204);
        assertFalse(exists(archive));
    }

    @Test
    void aSnapshotBeingTakenIsNotDeleted() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        asAdmin().delete("/api/v1/snapshots/" + started[0]).then().statusCode(409)
                .body("detail", containsString("DUMP job " + started[1]));
    }

    @Test
    void aDeletionForRetentionHappensOnlyWhileRetentionStillDeletes() {
        String instanceId = Fixtures.registerInstance();
        ScheduledSnapshots.setPolicy(instanceId, Map.of("custom", Map.of("cron", "0 3 * * *", "keepLast", 1)));
        String older = ScheduledSnapshots.completed(instanceId);
        String newer = ScheduledSnapshots.completed(instanceId);
        asAdmin().delete("/api/v1/snapshots/" + newer + "?retention=true").then().statusCode(409)
                .body("detail", containsString("keep-last 1 of 1"));
        asAdmin().delete("/api/v1/snapshots/" + older + "?retention=true").then().statusCode(204);
        List<String> left = asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId).then().extract().path("items.id");
        assertEquals(List.of(newer), left);
    }

    @Test
    void aRestoreAndADeleteSentAtTheSameInstantNeverBothSucceed() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String instanceId = Fixtures.registerInstance();
                String snapshotId = Fixtures.completedSnapshot(instanceId);
                store(instanceId, snapshotId, "attempt-1.dump");
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> restore = callers.submit(() -> {
                    start.await();
                    return asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                            .post("/api/v1/snapshots/" + snapshotId + "/restore").statusCode();
                });
                Future<Integer> delete = callers.submit(() -> {
                    start.await();
                    return asAdmin().delete("/api/v1/snapshots/" + snapshotId).statusCode();
                });
                start.countDown();
                int restored = restore.get(30, TimeUnit.SECONDS);
                int deleted = delete.get(30, TimeUnit.SECONDS);

                assertTrue(restored == 202 ^ deleted == 204, "round " + round + ": restore answered " + restored
                        + ", delete " + deleted + "; exactly one must win");
                String status = asAdmin().get("/api/v1/snapshots/" + snapshotId).then().extract().path("status");
                assertEquals(restored == 202 ? "COMPLETED" : "DELETED", status, "round " + round);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aDeleteWhileTheStoreStallsAnswers503AndIsFinishedOnceTheStoreIsBack() {
        String instanceId = Fixtures.registerInstance();
        String snapshotId = Fixtures.completedSnapshot(instanceId);
        String archive = store(instanceId, snapshotId, "attempt-1.dump");
        long s3proxy = LocalStack.startProcessesForTests().s3().pid();

        signal("STOP", s3proxy);
        try {
            long started = System.nanoTime();
            asAdmin().delete("/api/v1/snapshots/" + snapshotId).then().statusCode(503)
                    .contentType("application/problem+json").body("detail", containsString("DELETING"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "bounded by the call timeout");

            asAdmin().get("/api/v1/snapshots/" + snapshotId).then().body("status", equalTo("DELETING"));
            asAdmin().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE"))
                    .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(409);
            asAdmin().get("/api/v1/snapshots/" + snapshotId + "/content").then().statusCode(410);
            asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId + "&status=COMPLETED").then()
                    .body("total", equalTo(0));

            long probed = System.nanoTime();
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'object-store' }.status", equalTo("DOWN"));
            assertTrue(Duration.ofNanos(System.nanoTime() - probed).toSeconds() < 15, "the probe answers");
        } finally {
            signal("CONT", s3proxy);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin()
                .get("/api/v1/snapshots/" + snapshotId).then().body("status", equalTo("DELETED")));
        assertFalse(exists(archive), "the retry removed the archive");
    }

    @Test
    void theExportOfADeletedSnapshotIsGone() {
        String[] started = Fixtures.startSnapshot(Fixtures.registerInstance());
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("jobId", equalTo(started[1]))
                .body("options.format", equalTo("custom"));
        String snapshotId = Fixtures.completedSnapshot(Fixtures.registerInstance());
        asAdmin().delete("/api/v1/snapshots/" + snapshotId).then().statusCode(204);
        asAdmin().get("/api/v1/snapshots/" + snapshotId + "/content").then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("DELETED"));
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String store(String instanceId, String snapshotId, String name) {
        String key = "snapshots/" + instanceId + "/" + snapshotId + "/" + name;
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("PGDMP archive"));
        return key;
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
