package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.messages.ArchiveChecksum;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What must hold after any fault, whatever the fault was: the instance is not left busy and none of its jobs is
 * still active; every COMPLETED snapshot's object is in the store with the size and sha256 it was recorded with, and
 * its archive, as exported, matches the snapshot's size and sha256 and restores with stock {@code pg_restore} (or
 * {@code psql} for a plain dump); no multipart upload of the instance is left; no side
 * database of a restore is left; the target database exists and accepts connections. An upload that a killed
 * worker left behind must be aborted by the catalog within {@link #SETTLE}.
 */
final class FaultChecks {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int PAGE_SIZE = 100;

    private FaultChecks() {
    }

    static void hold(RunningSystem system, SourceDatabase source, String instanceId) {
        Awaitility.await("instance " + instanceId + " AVAILABLE with no active job").atMost(SETTLE)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertEquals("AVAILABLE", operator().get("/api/v1/instances/" + instanceId).then()
                            .statusCode(200).extract().path("status"));
                    assertEquals(List.of(), activeJobs(instanceId), "jobs still active");
                });
        List<Map<String, Object>> snapshots = operator().queryParam("instanceId", instanceId)
                .queryParam("status", "COMPLETED").queryParam("size", PAGE_SIZE).get("/api/v1/snapshots").then()
                .statusCode(200).extract().path("items");
        for (Map<String, Object> snapshot : snapshots) {
            restoresWithStockTools(system, instanceId, snapshot);
        }
        Awaitility.await("no multipart upload of instance " + instanceId + " left").atMost(SETTLE)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertEquals(List.of(),
                        system.s3.listMultipartUploads(b -> b.bucket(system.stack.bucket())
                                .prefix("snapshots/" + instanceId + "/")).uploads()));
        PostgresServer postgres = system.stack.postgres();
        assertEquals("", postgres.psql("postgres", "select datname from pg_database where datname like '"
                + source.name + "\\_\\_restore\\_%'").trim(), "no side database left");
        assertEquals("t", postgres.psql("postgres",
                "select datallowconn from pg_database where datname = '" + source.name + "'").trim(),
                "the target accepts connections");
        assertEquals("1", source.sql("select 1").trim(), "the target's owner can connect");
    }

    private static List<String> activeJobs(String instanceId) {
        List<String> active = new ArrayList<>();
        for (String status : List.of("QUEUED", "RUNNING")) {
            List<String> ids = operator().queryParam("instanceId", instanceId).queryParam("status", status)
                    .queryParam("size", PAGE_SIZE).get("/api/v1/jobs").then().statusCode(200).extract()
                    .path("items.id");
            ids.forEach(id -> active.add(id + " " + status));
        }
        return active;
    }

    private static void restoresWithStockTools(RunningSystem system, String instanceId, Map<String, Object> snapshot) {
        String id = String.valueOf(snapshot.get("id"));
        String prefix = "snapshots/" + instanceId + "/" + id + "/";
        List<String> objects = system.s3.listObjectsV2Paginator(b -> b.bucket(system.stack.bucket()).prefix(prefix))
                .contents().stream().map(S3Object::key).filter(k -> !k.endsWith(ArchiveChecksum.SUFFIX)).toList();
        assertEquals(1, objects.size(), "one object under " + prefix + ": " + objects);
        try {
            Path stored = download(system, objects.get(0));
            Path archive = Files.createTempFile(Path.of("target"), "fault-check-", ".archive");
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> storage = (Map<String, Object>) snapshot.get("storage");
                assertEquals(((Number) storage.get("storedBytes")).longValue(), Files.size(stored),
                        "size of " + objects.get(0));
                assertEquals(storage.get("storedSha256"), sha256(stored), "sha256 of " + objects.get(0));
                try (InputStream in = operator().get("/api/v1/snapshots/" + id + "/content").then().statusCode(200)
                        .extract().asInputStream()) {
                    Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                assertEquals(((Number) snapshot.get("sizeBytes")).longValue(), Files.size(archive), "archive size");
                assertEquals(snapshot.get("sha256"), sha256(archive), "archive sha256 of snapshot " + id);
                restore(system.stack.postgres(), String.valueOf(snapshot.get("format")), archive);
            } finally {
                Files.deleteIfExists(stored);
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not check the archive under " + prefix, e);
        }
    }

    private static Path download(RunningSystem system, String key) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "fault-check-", ".object");
        try (InputStream in = system.s3.getObject(b -> b.bucket(system.stack.bucket()).key(key))) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void restore(PostgresServer postgres, String format, Path archive) {
        String scratch = "faultcheck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.createDatabase(scratch);
        try {
            List<String> connection = List.of("-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-d",
                    scratch);
            List<String> command = new ArrayList<>(format.equals("plain")
                    ? List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", archive.toString())
                    : List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", archive.toString()));
            command.addAll(connection);
            SourceDatabase.runAs(postgres.superuser(), postgres.password(), command);
            assertTrue(Integer.parseInt(postgres.psql(scratch,
                    "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")
                    .trim()) > 0, "the restored archive holds tables");
        } finally {
            postgres.psql("postgres", "drop database if exists " + scratch + " with (force)");
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
