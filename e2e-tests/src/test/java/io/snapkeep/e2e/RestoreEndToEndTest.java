package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.snapkeep.archive.ChunkIndex;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.ArchiveChecksum;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Snapshots restored through the API by a real restore-worker: exactly what was dumped, or exactly what was there. */
class RestoreEndToEndTest {
    private static RunningSystem system;
    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        postgres = system.stack.postgres();
    }

    @Test
    void aHeavilyChangedDatabaseIsRestoredInPlaceToExactlyItsSnapshot() {
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        String original = SourceDatabase.fingerprint(postgres, source.name);
        String snapshotId = completedSnapshot(instanceId);

        source.vandalise();
        assertNotEquals(original, SourceDatabase.fingerprint(postgres, source.name));

        String jobId = restore(snapshotId, instanceId);
        Api.awaitJob(jobId, "SUCCEEDED");
        assertEquals(original, SourceDatabase.fingerprint(postgres, source.name),
                "contents, sequences, large objects and schema equal the snapshot");
        operator().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
        String kept = postgres.psql("postgres",
                "select datname from pg_database where datname like '" + source.name + "__prev_%'").trim();
        assertTrue(kept.startsWith(source.name + "__prev_"), "the previous contents are kept for rollback: " + kept);
    }

    @Test
    void aSnapshotBecomesANewInstance() {
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        String snapshotId = completedSnapshot(instanceId);
        String name = "copy-" + UUID.randomUUID();
        String database = "copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        String jobId = Api.newInstance(postgres, snapshotId, name, database).then().statusCode(202).extract().path("id");
        Api.awaitJob(jobId, "SUCCEEDED");
        assertTrue(Api.instanceNames().contains(name), "the new instance is listed");
        assertEquals(SourceDatabase.fingerprint(postgres, source.name), SourceDatabase.fingerprint(postgres, database));
        Api.newInstance(postgres, snapshotId, "again-" + UUID.randomUUID(), database).then().statusCode(409)
                .body("detail", containsString("already exists"));
    }

    @Test
    void anAlteredOrTruncatedArchiveFailsTheRestoreAndLeavesTheTargetAsItWas() throws IOException {
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        String snapshotId = completedSnapshot(instanceId);
        source.vandalise();
        String before = SourceDatabase.fingerprint(postgres, source.name);
        String key = objectKey(instanceId, snapshotId);
        byte[] archive = system.s3.getObjectAsBytes(b -> b.bucket(system.stack.bucket()).key(key)).asByteArray();

        byte[] altered = archive.clone();
        altered[altered.length / 2] ^= 0x5A;
        put(key, altered);
        String alteredJob = restore(snapshotId, instanceId);
        Api.awaitJob(alteredJob, "FAILED");
        operator().get("/api/v1/jobs/" + alteredJob).then().body("error", containsString("failed authentication"));
        assertEquals(before, SourceDatabase.fingerprint(postgres, source.name), "the target is untouched");

        put(key, withFirstChunksSwapped(archive));
        String swappedJob = restore(snapshotId, instanceId);
        Api.awaitJob(swappedJob, "FAILED");
        operator().get("/api/v1/jobs/" + swappedJob).then().body("error", containsString("failed authentication"));
        assertEquals(before, SourceDatabase.fingerprint(postgres, source.name), "the target is untouched");

        put(key, Arrays.copyOf(archive, archive.length - 1000));
        String truncatedJob = restore(snapshotId, instanceId);
        Api.awaitJob(truncatedJob, "FAILED");
        assertEquals(before, SourceDatabase.fingerprint(postgres, source.name), "the target is untouched");
        assertEquals("0", postgres.psql("postgres",
                "select count(*) from pg_database where datname like '" + source.name + "__restore_%'").trim(),
                "no side database is left behind");
    }

    /** The sealed object with its first two chunks in each other's place (same size, same bytes, wrong order). */
    private static byte[] withFirstChunksSwapped(byte[] object) throws IOException {
        int count = ChunkIndex.count(Arrays.copyOfRange(object, object.length - ChunkIndex.TAIL_BYTES, object.length));
        int start = object.length - ChunkIndex.TAIL_BYTES - (int) ChunkIndex.entryBytes(count);
        ChunkIndex index = ChunkIndex.parse(Arrays.copyOfRange(object, start, object.length - ChunkIndex.TAIL_BYTES));
        assertTrue(index.chunks() >= 3, "the archive spans several chunks: " + index.chunks());
        int first = (int) index.objectOffset(0);
        int second = (int) index.objectOffset(1);
        int third = (int) index.objectOffset(2);
        ByteArrayOutputStream swapped = new ByteArrayOutputStream();
        swapped.write(object, 0, first);
        swapped.write(object, second, third - second);
        swapped.write(object, first, second - first);
        swapped.write(object, third, object.length - third);
        return swapped.toByteArray();
    }

    @Test
    void aWrongConfirmationIsRefusedAndNothingRuns() {
        SourceDatabase source = SourceDatabase.create(postgres);
        String instanceId = Api.registerInstance(source.connection());
        String snapshotId = completedSnapshot(instanceId);
        operator().contentType(ContentType.JSON).body(Map.of("confirm", "restore"))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(400)
                .body("detail", containsString("type RESTORE"));
        operator().get("/api/v1/jobs?instanceId=" + instanceId + "&size=10").then().body("total", equalTo(1));
    }

    static String completedSnapshot(String instanceId) {
        String snapshotId = Api.snapshot(instanceId, null).path("id");
        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(2));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        return snapshotId;
    }

    static String restore(String snapshotId, String instanceId) {
        return operator().contentType(ContentType.JSON).body(Map.of("confirm", "RESTORE", "targetInstanceId", instanceId))
                .post("/api/v1/snapshots/" + snapshotId + "/restore").then().statusCode(202).extract().path("id");
    }

    private static String objectKey(String instanceId, String snapshotId) {
        return system.s3.listObjectsV2(b -> b.bucket(system.stack.bucket())
                .prefix("snapshots/" + instanceId + "/" + snapshotId + "/")).contents().stream()
                .map(S3Object::key).filter(key -> !key.endsWith(ArchiveChecksum.SUFFIX)).findFirst().orElseThrow();
    }

    private static void put(String key, byte[] bytes) {
        system.s3.putObject(b -> b.bucket(system.stack.bucket()).key(key), RequestBody.fromBytes(bytes));
    }
}
