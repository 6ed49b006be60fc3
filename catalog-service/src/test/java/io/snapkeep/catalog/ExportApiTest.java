package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.localstack.quarkus.RealServersTestResource;

/** {@code GET /snapshots/{id}/content}: the stored bytes, whole or by range, with the headers a download needs. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ExportApiTest {

    @Test
    void theExportIsTheUploadedFileWithItsHeaders() {
        byte[] file = StockDumps.bytes(StockDumps.get().custom);
        String instanceId = Fixtures.registerInstance();
        String instanceName = asAdmin().get("/api/v1/instances/" + instanceId).then().extract().path("name");
        String id = UploadApiTest.upload(instanceId, file).path("id");
        String sha = StockDumps.sha256(file);

        byte[] exported = asAdmin().get("/api/v1/snapshots/" + id + "/content").then().statusCode(200)
                .header("Content-Length", String.valueOf(file.length))
                .header("Content-Type", "application/octet-stream")
                .header("ETag", "\"" + sha + "\"")
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", matchesPattern(
                        "attachment; filename=\"" + instanceName.replace(".", "\\.") + "-\\d{8}T\\d{6}Z\\.dump\""))
                .extract().asByteArray();
        assertEquals(sha, StockDumps.sha256(exported));

        asAdmin().head("/api/v1/snapshots/" + id + "/content").then().statusCode(200)
                .header("Content-Length", String.valueOf(file.length)).header("ETag", "\"" + sha + "\"");
    }

    @Test
    void aRangeReturnsExactlyTheRequestedBytes() {
        byte[] file = StockDumps.bytes(StockDumps.get().plain);
        String id = UploadApiTest.upload(Fixtures.registerInstance(), file).path("id");
        int size = file.length;
        String url = "/api/v1/snapshots/" + id + "/content";

        byte[] middle = asAdmin().header("Range", "bytes=1000-1999").get(url).then().statusCode(206)
                .header("Content-Range", "bytes 1000-1999/" + size).header("Content-Length", "1000")
                .header("Content-Type", containsString("application/sql"))
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(file, 1000, 2000), middle);

        int resumeAt = size - 12345;
        byte[] rest = asAdmin().header("Range", "bytes=" + resumeAt + "-").get(url).then().statusCode(206)
                .header("Content-Range", "bytes " + resumeAt + "-" + (size - 1) + "/" + size)
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(file, resumeAt, size), rest);

        byte[] tail = asAdmin().header("Range", "bytes=-100").get(url).then().statusCode(206)
                .header("Content-Range", "bytes " + (size - 100) + "-" + (size - 1) + "/" + size)
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(file, size - 100, size), tail);

        asAdmin().header("Range", "bytes=" + size + "-").get(url).then().statusCode(416)
                .header("Content-Range", "bytes */" + size).contentType("application/problem+json");

        String sha = StockDumps.sha256(file);
        asAdmin().header("Range", "bytes=0-9").header("If-Range", "\"" + sha + "\"").get(url).then().statusCode(206);
        asAdmin().header("Range", "bytes=0-9").header("If-Range", "\"" + "0".repeat(64) + "\"").get(url).then()
                .statusCode(200).header("Content-Length", String.valueOf(size));
    }

    @Test
    void onlyCompletedSnapshotsAreExported() {
        asAdmin().get("/api/v1/snapshots/" + UUID.randomUUID() + "/content").then().statusCode(404)
                .contentType("application/problem+json");
        String[] pending = Fixtures.startSnapshot(Fixtures.registerInstance());
        asAdmin().get("/api/v1/snapshots/" + pending[0] + "/content").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("PENDING"));
        asAdmin().get("/api/v1/snapshots/" + pending[0]).then().body("status", equalTo("PENDING"));
    }
}
