package io.snapkeep.catalog;

import static io.snapkeep.catalog.Tokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads of stock pg_dump files, and what is refused; the dumps are larger than Quarkus's 10 MB body limit. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class UploadApiTest {
    @Inject
    S3Client s3;

    @ConfigProperty(name = "snapkeep.store.bucket")
    String bucket;

    @TestHTTPResource("/")
    java.net.URL root;

    @ParameterizedTest
    @ValueSource(strings = { "tar", "custom", "plain" })
    void eachStockFormatBecomesACompletedSnapshot(String format) {
        StockDumps dumps = StockDumps.get();
        byte[] file = StockDumps.bytes(dumps.of(format));
        assertTrue(file.length > 10 << 20, "larger than the default 10 MB body limit: " + file.length);
        String instanceId = Fixtures.registerInstance();

        String id = asAdmin().contentType("application/octet-stream").body(file)
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId + "&name=migrated")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/snapshots/"))
                .body("status", equalTo("COMPLETED")).body("origin", equalTo("UPLOADED"))
                .body("format", equalTo(format)).body("name", equalTo("migrated"))
                .body("instanceId", equalTo(instanceId)).body("jobId", nullValue())
                .body("sizeBytes", equalTo(file.length)).body("sha256", equalTo(StockDumps.sha256(file)))
                .body("serverVersion", matchesPattern("\\d+\\.\\d+"))
                .body("toolVersion", matchesPattern("pg_dump \\(PostgreSQL\\) \\d+\\.\\d+"))
                .body("completedAt", notNullValue())
                .extract().path("id");

        var view = asAdmin().get("/api/v1/snapshots/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"));
        if (format.equals("plain")) {
            view.body("archiveVersion", nullValue()).body("sourceDatabase", nullValue());
        } else {
            view.body("archiveVersion", matchesPattern("1\\.\\d+-\\d+"))
                    .body("sourceDatabase", equalTo(StockDumps.DATABASE))
                    .body("dumpedAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"));
        }
        String ext = switch (format) {
            case "tar" -> "tar";
            case "custom" -> "dump";
            default -> "sql";
        };
        String key = "snapshots/" + instanceId + "/" + id + "/upload." + ext;
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(storedText.contains("PGDMP"), "the stored object is no readable archive");
        assertFalse(storedText.contains(StockDumps.DATABASE), "the database's name does not show in the object");
        asAdmin().get("/api/v1/snapshots/" + id).then().body("storage.codec", equalTo("zstd"))
                .body("storage.encryption", equalTo("aes-256-gcm")).body("storage.keyId", equalTo("k1"))
                .body("storage.storedBytes", equalTo(stored.length))
                .body("storage.storedSha256", equalTo(StockDumps.sha256(stored)));
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));

        byte[] exported = asAdmin().get("/api/v1/snapshots/" + id + "/content").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(StockDumps.sha256(file), StockDumps.sha256(exported), "exported bytes are the uploaded ones");
    }

    @Test
    void aMultipartFormWithAFilePartIsTaken() {
        byte[] file = StockDumps.bytes(StockDumps.get().custom);
        String instanceId = Fixtures.registerInstance();
        asAdmin().multiPart("comment", "before the file").multiPart("file", "netbox.dump", file, "application/octet-stream")
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId + "&name=from-browser")
                .then().statusCode(201)
                .body("format", equalTo("custom")).body("status", equalTo("COMPLETED"))
                .body("sizeBytes", equalTo(file.length)).body("sha256", equalTo(StockDumps.sha256(file)));
    }

    @Test
    void aMultipartFormWithoutAFilePartIsRefused() {
        String instanceId = Fixtures.registerInstance();
        asAdmin().multiPart("document", "x.dump", new byte[] { 1, 2, 3 }, "application/octet-stream")
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId + "&name=x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        assertNothingLeft(instanceId);
    }

    @ParameterizedTest
    @ValueSource(strings = { "random", "empty", "truncated-custom", "custom-cut-at-a-block-boundary",
            "custom-with-bytes-after-its-end", "custom-with-a-changed-dump-id", "truncated-tar", "truncated-plain", "zip",
            "gzip" })
    void whatIsNotAWholePgDumpArchiveIsRefusedAndLeavesNothing(String kind) throws IOException {
        StockDumps dumps = StockDumps.get();
        byte[] body = switch (kind) {
            case "random" -> {
                byte[] b = new byte[3 << 20];
                new Random(7).nextBytes(b);
                yield b;
            }
            case "empty" -> new byte[0];
            case "truncated-custom" -> cut(StockDumps.bytes(dumps.custom), 0.7);
            case "custom-cut-at-a-block-boundary" -> Arrays.copyOf(StockDumps.bytes(dumps.custom),
                    lastBlockStart(dumps.custom));
            case "custom-with-bytes-after-its-end" -> {
                byte[] file = StockDumps.bytes(dumps.custom);
                yield Arrays.copyOf(file, file.length + 512);
            }
            case "custom-with-a-changed-dump-id" -> {
                byte[] file = StockDumps.bytes(dumps.custom);
                int at = lastBlockStart(dumps.custom) + 2; // the dump id's low bytes, after the type and sign bytes
                file[at] = 0x7f;
                file[at + 1] = 0x7f;
                yield file;
            }
            case "truncated-tar" -> cutEnd(StockDumps.bytes(dumps.tar), 3000);
            case "truncated-plain" -> cut(StockDumps.bytes(dumps.plain), 0.9);
            case "zip" -> StockDumps.zipOf("netbox.dump", Arrays.copyOf(StockDumps.bytes(dumps.custom), 2 << 20));
            default -> gzip(Arrays.copyOf(StockDumps.bytes(dumps.plain), 2 << 20));
        };
        String expected = switch (kind) {
            case "random" -> "not a pg_dump archive";
            case "empty" -> "empty";
            case "truncated-custom", "custom-cut-at-a-block-boundary" -> "truncated";
            case "custom-with-bytes-after-its-end" -> "goes on after its last data block";
            case "custom-with-a-changed-dump-id" -> "names dump id";
            case "truncated-tar" -> "truncated";
            case "truncated-plain" -> "PostgreSQL database dump complete";
            case "zip" -> "zip";
            default -> "gzip";
        };
        String instanceId = Fixtures.registerInstance();
        asAdmin().contentType("application/octet-stream").body(body)
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId + "&name=bad")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(expected))
                .body("detail", containsString("custom (pg_dump -F c), tar (pg_dump -F t) or plain SQL"));
        assertNothingLeft(instanceId);
    }

    @Test
    void badRequestsAreRefusedBeforeTheBodyIsRead() {
        String instanceId = Fixtures.registerInstance();
        asAdmin().contentType("application/octet-stream").body(new byte[] { 1 })
                .post("/api/v1/snapshots/upload?instanceId=" + java.util.UUID.randomUUID() + "&name=x")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("No instance with id"));
        asAdmin().contentType("application/octet-stream").body(new byte[] { 1 })
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        asAdmin().contentType("application/octet-stream").body(new byte[] { 1 })
                .post("/api/v1/snapshots/upload?name=x")
                .then().statusCode(400).body("errors[0].field", equalTo("instanceId"));
        assertNothingLeft(instanceId);
    }

    @Test
    void aClientThatGoesAwayMidUploadLeavesNothing() throws Exception {
        byte[] file = StockDumps.bytes(StockDumps.get().custom);
        String instanceId = Fixtures.registerInstance();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/snapshots/upload?instanceId=" + instanceId + "&name=gone HTTP/1.1\r\n"
                    + "Host: " + root.getHost() + "\r\nAuthorization: Bearer " + Tokens.ADMIN
                    + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + file.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(file, 0, file.length * 2 / 3);
            out.flush();
            String prefix = "snapshots/" + instanceId + "/";
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !s3.listMultipartUploads(
                    b -> b.bucket(bucket).prefix(prefix)).uploads().isEmpty());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertNothingLeft(instanceId));
    }

    @Test
    void anUploadDoesNotMakeTheInstanceBusy() {
        String instanceId = Fixtures.registerInstance();
        Fixtures.startSnapshot(instanceId);
        asAdmin().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("SNAPSHOTTING"));
        asAdmin().contentType("application/octet-stream").body(StockDumps.bytes(StockDumps.get().plain))
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId + "&name=alongside")
                .then().statusCode(201).body("status", equalTo("COMPLETED"));
    }

    @Test
    void stockToolsReadTheExportedArchive() throws IOException {
        byte[] file = StockDumps.bytes(StockDumps.get().tar);
        String instanceId = Fixtures.registerInstance();
        String id = upload(instanceId, file).path("id");
        Path exported = Files.createTempFile(Path.of("target"), "export", ".tar");
        Files.write(exported, asAdmin().get("/api/v1/snapshots/" + id + "/content").then().statusCode(200)
                .extract().asByteArray());
        String toc = StockDumps.run(List.of("pg_restore", "-l", exported.toString()), null);
        assertTrue(toc.contains("dbname: " + StockDumps.DATABASE), toc);
        assertTrue(toc.contains("TABLE DATA public payload"), toc);
        Files.delete(exported);
    }

    static ExtractableResponse<Response> upload(String instanceId, byte[] file) {
        return asAdmin().contentType("application/octet-stream").body(file)
                .post("/api/v1/snapshots/upload?instanceId=" + instanceId + "&name=up")
                .then().statusCode(201).extract();
    }

    private void assertNothingLeft(String instanceId) {
        asAdmin().get("/api/v1/snapshots?instanceId=" + instanceId).then().body("total", equalTo(0));
        String prefix = "snapshots/" + instanceId + "/";
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().isEmpty(), "no object");
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket).prefix(prefix)).uploads().isEmpty(),
                "no multipart upload");
    }

    /** Where the last data block of a custom archive starts, as pg_restore reads it from the table of contents. */
    private static int lastBlockStart(Path custom) {
        List<Long> starts = StockDumps.blockStarts(custom);
        return starts.get(starts.size() - 1).intValue();
    }

    private static byte[] cut(byte[] file, double keep) {
        return Arrays.copyOf(file, (int) (file.length * keep));
    }

    /** Without its last bytes: a tar archive cut inside restore.sql, which pg_restore itself never reads. */
    private static byte[] cutEnd(byte[] file, int bytes) {
        return Arrays.copyOf(file, file.length - bytes);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(content);
        }
        return out.toByteArray();
    }
}
