package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Random;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.archive.ChunkIndex;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The export of a sealed snapshot: any range equals the same range of the uploaded file (read from the chunk that
 * holds it), and an object altered in the store ends the download with an error instead of a wrong or short file.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SealedExportTest {
    @Inject
    S3Client s3;

    @ConfigProperty(name = "snapkeep.store.bucket")
    String bucket;

    @TestHTTPResource("/")
    URI base;

    @Test
    void randomRangesOfASealedSnapshotEqualTheSameRangesOfTheFile() {
        byte[] file = StockDumps.bytes(StockDumps.get().plain);
        String id = UploadApiTest.upload(Fixtures.registerInstance(), file).path("id");
        String url = "/api/v1/snapshots/" + id + "/content";
        Random random = new Random(7);
        for (int i = 0; i < 25; i++) {
            int first = random.nextInt(file.length);
            int last = Math.min(file.length - 1, first + random.nextInt(3 << 20));
            byte[] part = asAdmin().header("Range", "bytes=" + first + "-" + last).get(url).then().statusCode(206)
                    .extract().asByteArray();
            assertArrayEquals(Arrays.copyOfRange(file, first, last + 1), part, "bytes " + first + "-" + last);
        }
    }

    @Test
    void aDownloadOfAnAlteredObjectFailsInsteadOfGivingAWrongFile() throws Exception {
        byte[] file = StockDumps.bytes(StockDumps.get().custom);
        String instanceId = Fixtures.registerInstance();
        String id = UploadApiTest.upload(instanceId, file).path("id");
        asAdmin().get("/api/v1/snapshots/" + id).then().body("storage.keyId", equalTo("k1"));
        String key = objectKey(instanceId, id);
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        ChunkIndex index = indexOf(stored);
        assertTrue(index.chunks() >= 3, "several chunks: " + index.chunks());
        int second = (int) index.objectOffset(1);
        int third = (int) index.objectOffset(2);

        byte[] flipped = stored.clone();
        flipped[second + 100] ^= 0x40;
        assertDownloadFails(id, key, flipped);
        assertDownloadFails(id, key, concat(Arrays.copyOfRange(stored, 0, second),
                Arrays.copyOfRange(stored, third, stored.length)));
        assertDownloadFails(id, key, Arrays.copyOfRange(stored, 0, third));
        assertDownloadFails(id, key, Arrays.copyOfRange(stored, 0, third - 7));
    }

    private void assertDownloadFails(String id, String key, byte[] altered) throws Exception {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(altered));
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("api/v1/snapshots/" + id + "/content")).header("Authorization", "Bearer " + Tokens.ADMIN)
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            body.readAllBytes();
        } catch (IOException brokenOff) {
            return;
        }
        assertTrue(response.statusCode() >= 500, "an altered object is never downloaded whole: status "
                + response.statusCode());
    }

    private static String objectKey(String instanceId, String id) {
        return "snapshots/" + instanceId + "/" + id + "/upload.dump";
    }

    private static ChunkIndex indexOf(byte[] object) throws IOException {
        int count = ChunkIndex.count(Arrays.copyOfRange(object, object.length - ChunkIndex.TAIL_BYTES, object.length));
        int start = object.length - ChunkIndex.TAIL_BYTES - (int) ChunkIndex.entryBytes(count);
        return ChunkIndex.parse(Arrays.copyOfRange(object, start, object.length - ChunkIndex.TAIL_BYTES));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
