package io.snapkeep.e2e;

import static io.snapkeep.e2e.Api.operator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.snapkeep.localstack.PostgresServer;
import software.amazon.awssdk.services.s3.model.S3Object;

class SnapshotEndToEndTest {
    private static RunningSystem system;
    private static PostgresServer postgres;
    private static SourceDatabase source;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        postgres = system.stack.postgres();
        source = SourceDatabase.create(postgres);
    }

    @Test
    void aSnapshotCompletesAndStockPgRestoreGivesBackTheSameDatabase() throws Exception {
        String instanceId = Api.registerInstance(source.connection());
        ExtractableResponse<Response> started = Api.snapshot(instanceId, null);
        String snapshotId = started.path("id");
        String jobId = started.path("jobId");

        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(2));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        assertEquals("custom", done.path("format"));
        assertTrue(((String) done.path("serverVersion")).startsWith("15"), "server version recorded");
        operator().get("/api/v1/jobs/" + jobId).then().body("status", equalTo("SUCCEEDED")).body("attempt", equalTo(1));
        operator().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));

        Path archive = download(instanceId, snapshotId);
        assertEquals(done.path("sha256"), sha256(archive), "the exported archive's SHA-256 is the one pg_dump's output had");
        assertEquals(((Number) done.path("sizeBytes")).longValue(), Files.size(archive));

        String fresh = "restored_" + snapshotId.substring(0, 8);
        postgres.psql("postgres", "create database " + fresh);
        SourceDatabase.runAs(postgres.superuser(), postgres.password(), List.of("pg_restore", "--no-owner",
                "--exit-on-error", "-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-d", fresh,
                archive.toString()));
        assertEquals(SourceDatabase.fingerprint(postgres, source.name), SourceDatabase.fingerprint(postgres, fresh),
                "the restored database equals the source");
        assertEquals("4242", psql(fresh, "select last_value from extra.ticket_seq"));
        assertEquals("1", psql(fresh, "select count(*) from pg_largeobject_metadata"));
    }

    @Test
    void excludeTableDataKeepsTheTableButNotItsRows() throws Exception {
        String fresh = snapshotAndRestore(Map.of("excludeTableData", List.of("public.audit_log")));
        assertEquals("0", psql(fresh, "select count(*) from public.audit_log"));
        assertEquals("500", psql(fresh, "select count(*) from extra.notes"));
    }

    @Test
    void schemaOnlyLeavesAllRowsOut() throws Exception {
        String fresh = snapshotAndRestore(Map.of("schemaOnly", true));
        assertEquals("0", psql(fresh, "select count(*) from extra.notes"));
        assertEquals("0", psql(fresh, "select count(*) from pgbench_accounts"));
        assertEquals("1", psql(fresh, "select count(*) from pg_views where viewname = 'recent_notes'"));
    }

    @Test
    void aWrongPasswordFailsWithTheAuthenticationErrorAndNeverShowsThePassword() throws IOException {
        Map<String, Object> connection = new HashMap<>(source.connection());
        String wrong = "Wr0ng-" + java.util.UUID.randomUUID();
        connection.put("password", wrong);
        ExtractableResponse<Response> failed = failedSnapshot(connection);
        String error = failed.path("error");
        assertTrue(error.contains("password authentication failed"), error);
        assertFalse(error.contains(wrong));
        assertNoSecretAnywhere(wrong);
        assertNoUploadLeft(failed.path("instanceId"));
    }

    @Test
    void anUnreachableServerFailsReadably() {
        Map<String, Object> connection = new HashMap<>(source.connection());
        connection.put("port", io.snapkeep.localstack.Ports.freePort());
        ExtractableResponse<Response> failed = failedSnapshot(connection);
        assertTrue(((String) failed.path("error")).contains("Connection refused"), (String) failed.path("error"));
        assertNoUploadLeft(failed.path("instanceId"));
    }

    @Test
    void aDatabaseThatDoesNotExistFailsReadably() throws IOException {
        Map<String, Object> connection = new HashMap<>(source.connection());
        connection.put("database", "no_such_database");
        ExtractableResponse<Response> failed = failedSnapshot(connection);
        assertTrue(((String) failed.path("error")).contains("does not exist"), (String) failed.path("error"));
        assertNoUploadLeft(failed.path("instanceId"));
        assertNoSecretAnywhere(source.password);
    }

    private ExtractableResponse<Response> failedSnapshot(Map<String, Object> connection) {
        String instanceId = Api.registerInstance(connection);
        String snapshotId = Api.snapshot(instanceId, null).path("id");
        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(1));
        assertEquals("FAILED", done.path("status"));
        operator().get("/api/v1/instances/" + instanceId).then().body("status", equalTo("AVAILABLE"));
        return done;
    }

    private String snapshotAndRestore(Map<String, Object> options) throws Exception {
        String instanceId = Api.registerInstance(source.connection());
        String snapshotId = Api.snapshot(instanceId, options).path("id");
        ExtractableResponse<Response> done = Api.awaitEnded(snapshotId, Duration.ofMinutes(2));
        assertEquals("COMPLETED", done.path("status"), "error: " + done.path("error"));
        Path archive = download(instanceId, snapshotId);
        String fresh = "restored_" + snapshotId.substring(0, 8);
        postgres.psql("postgres", "create database " + fresh);
        SourceDatabase.runAs(postgres.superuser(), postgres.password(), List.of("pg_restore", "--no-owner",
                "--exit-on-error", "-h", postgres.host(), "-p", String.valueOf(postgres.port()), "-d", fresh,
                archive.toString()));
        return fresh;
    }

    private static String psql(String database, String sql) {
        return postgres.psql(database, sql).trim();
    }

    /** The snapshot's archive as exported, once its stored object proved sealed (no readable name in it). */
    private static Path download(String instanceId, String snapshotId) throws IOException {
        List<String> keys = system.s3.listObjectsV2(b -> b.bucket(system.stack.bucket())
                .prefix("snapshots/" + instanceId + "/" + snapshotId + "/")).contents().stream().map(S3Object::key)
                .toList();
        List<String> archives = keys.stream().filter(k -> !k.endsWith(".sha256")).toList();
        assertEquals(1, archives.size(), "one archive per snapshot: " + keys);
        assertEquals(List.of(archives.get(0) + ".sha256"), keys.stream().filter(k -> k.endsWith(".sha256")).toList(),
                "and its checksum file beside it: " + keys);
        byte[] stored = system.s3.getObjectAsBytes(b -> b.bucket(system.stack.bucket()).key(archives.get(0)))
                .asByteArray();
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        for (String clear : List.of("PGDMP", "pgbench_accounts", "ticket_seq", "large object")) {
            assertFalse(text.contains(clear), "the stored object is sealed, yet shows '" + clear + "'");
        }
        Path file = Files.createTempFile(Path.of("target"), "snapshot-", ".dump");
        try (InputStream in = operator().get("/api/v1/snapshots/" + snapshotId + "/content").then().statusCode(200)
                .extract().asInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static void assertNoUploadLeft(String instanceId) {
        assertTrue(system.s3.listMultipartUploads(b -> b.bucket(system.stack.bucket())
                .prefix("snapshots/" + instanceId + "/")).uploads().isEmpty(), "the multipart upload was aborted");
        assertTrue(system.s3.listObjectsV2(b -> b.bucket(system.stack.bucket())
                .prefix("snapshots/" + instanceId + "/")).contents().isEmpty(), "no object was left");
    }

    /** The password is in no service log and on no Kafka topic. */
    private static void assertNoSecretAnywhere(String secret) throws IOException {
        try (var logs = Files.walk(system.logDir)) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(log).contains(secret), "password found in " + log);
            }
        }
        for (String topic : List.of("snapkeep.dump-jobs", "snapkeep.job-events", "snapkeep.snapshot-events")) {
            assertFalse(KafkaTopics.contains(system.stack.kafka().bootstrapServers(), topic, secret),
                    "password found on " + topic);
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
