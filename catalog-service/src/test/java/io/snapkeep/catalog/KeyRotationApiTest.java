package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.snapkeep.archive.ArchiveKeyring;
import io.snapkeep.archive.Codec;
import io.snapkeep.archive.SealedSummary;
import io.snapkeep.archive.SealingInputStream;
import io.snapkeep.archive.StageSettings;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.ArchiveChecksum;
import io.snapkeep.messages.Topics;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Archive key rotation: snapshots sealed under the old key k1 still export after the active key became k2 and their
 * data keys were re-wrapped, after which no snapshot names k1; one sealed under a key the catalog lacks (k0) is counted
 * as failed by the re-wrap, and its export is refused naming that key.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestProfile(KeyRotationApiTest.RotatedToK2.class)
class KeyRotationApiTest {
    static final String K1 = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";
    static final String K2 = "YGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn8=";
    static final String K0 = "gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp8=";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class RotatedToK2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("snapkeep.archive.keys", "k1:" + K1 + ",k2:" + K2, "snapkeep.archive.active-key", "k2");
        }
    }

    @Test
    void snapshotsUnderARetiredKeyAreRewrappedAndStillExport() throws Exception {
        byte[] file = StockDumps.bytes(StockDumps.get().custom);
        String instanceId = Fixtures.registerInstance();
        String underK1 = dumpedUnder(instanceId, ArchiveKeyring.parse("k1:" + K1, "k1"), file);
        String underK0 = dumpedUnder(instanceId, ArchiveKeyring.parse("k0:" + K0, "k0"), file);
        String uploaded = UploadApiTest.upload(instanceId, file).path("id");
        asAdmin().get("/api/v1/snapshots/" + uploaded).then().body("storage.keyId", equalTo("k2"));
        asAdmin().get("/api/v1/admin/keys").then().statusCode(200).body("activeKey", equalTo("k2"))
                .body("configured", equalTo(List.of("k1", "k2"))).body("snapshots.keyId", hasItem("k1"));

        String run = asAdmin().post("/api/v1/admin/rewrap").then().statusCode(202).body("status", equalTo("RUNNING"))
                .body("targetKey", equalTo("k2")).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin()
                .get("/api/v1/admin/rewrap/" + run).then().body("status", not(equalTo("RUNNING"))));
        asAdmin().get("/api/v1/admin/rewrap/" + run).then().body("status", equalTo("FAILED"))
                .body("failed", equalTo(1)).body("error", containsString("archive key k0 is not in the keyring"));

        asAdmin().get("/api/v1/snapshots/" + underK1).then().body("storage.keyId", equalTo("k2"));
        asAdmin().get("/api/v1/admin/keys").then().body("snapshots.keyId", not(hasItem("k1")))
                .body("snapshots.keyId", hasItem("k0"));
        byte[] exported = asAdmin().get("/api/v1/snapshots/" + underK1 + "/content").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(StockDumps.sha256(file), StockDumps.sha256(exported));
        asAdmin().get("/api/v1/snapshots/" + underK0 + "/content").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("archive key k0"));
    }

    @Test
    void onlyAdminsRotate() {
        String operator = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "rotator-" + UUID.randomUUID(), "role", "operator")).post("/api/v1/tokens")
                .then().statusCode(201).extract().path("token");
        Tokens.with(operator).post("/api/v1/admin/rewrap").then().statusCode(403);
        Tokens.with(operator).get("/api/v1/admin/keys").then().statusCode(403);
    }

    /**
     * A snapshot completed by a dump worker's events, its object sealed under {@code keyring}'s active key first, so
     * that CLAIMED and SUCCEEDED arrive well within the test's short lease.
     */
    private static String dumpedUnder(String instanceId, ArchiveKeyring keyring, byte[] archive) throws IOException {
        String[] started = Fixtures.startSnapshot(instanceId);
        String jobId = started[1];
        SealingInputStream sealing = SealingInputStream.of(new ByteArrayInputStream(archive), keyring,
                new StageSettings(Codec.ZSTD, 1, 2, 1 << 20));
        byte[] object = sealing.readAllBytes();
        SealedSummary sealed = sealing.summary();
        String key = WorkerArchives.keyOf(jobId, 1, null);
        S3Client s3 = Arc.container().instance(S3Client.class).get();
        String bucket = ConfigProvider.getConfig().getValue("snapkeep.store.bucket", String.class);
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(object));
        s3.putObject(b -> b.bucket(bucket).key(ArchiveChecksum.keyOf(key)),
                RequestBody.fromString(ArchiveChecksum.line(key, sealed.objectSha256())));
        Map<String, Object> event = JSON.readValue(SnapshotApiTest.event(WorkerArchives.WORKER, null, jobId, 1,
                "SUCCEEDED", sealed.archiveBytes(), sealed.archiveSha256(), null, key), HashMap.class);
        event.put("chain", Map.of("codec", "zstd", "encryption", "aes-256-gcm", "formatVersion", 1, "keyId",
                sealed.key().keyId(), "wrappedKey", sealed.key().sealedBase64(), "segmentSize", sealed.segmentSize(),
                "storedBytes", sealed.objectBytes(), "storedSha256", sealed.objectSha256()));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, SnapshotApiTest.event(jobId, 1, "CLAIMED", 0, null, null));
        KafkaTopics.send(Topics.JOB_EVENTS, jobId, JSON.writeValueAsString(event));
        SnapshotApiTest.awaitJob(jobId, "SUCCEEDED");
        asAdmin().get("/api/v1/snapshots/" + started[0]).then().body("storage.keyId", equalTo(sealed.key().keyId()));
        assertTrue(object.length < archive.length + 4096);
        return started[0];
    }
}
