package io.snapkeep.dumpworker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapkeep.archive.SealedArchiveReader;
import io.snapkeep.archive.WrappedKey;
import io.snapkeep.dumpworker.config.DumpWorkerConfig;
import io.snapkeep.dumpworker.support.DumpJobs;
import io.snapkeep.dumpworker.support.SampleDatabase;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.quarkus.RealServersTestResource;
import io.snapkeep.messages.ArchiveChecksum;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;
import io.snapkeep.worker.archive.ArchiveStages;
import io.snapkeep.worker.config.StoreConfig;
import io.snapkeep.worker.config.WorkerConfig;
import io.snapkeep.worker.support.JobEventLog;
import io.snapkeep.worker.support.RealServersTest;
import io.snapkeep.worker.support.Tools;

/**
 * The worker end to end against real Kafka, S3 and PostgreSQL: jobs go in on {@code snapkeep.dump-jobs} with a plain
 * producer (signed, or unsigned and altered to see them refused); events are read back from {@code snapkeep.job-events}
 * and archives from the store.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DumpJobFlowTest extends RealServersTest {
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    WorkerConfig worker;

    @Inject
    StoreConfig store;

    @Inject
    DumpWorkerConfig config;

    @Inject
    ArchiveStages stages;

    private PostgresServer postgres;
    private DumpJobs jobs;
    private JobEventLog events;

    @BeforeAll
    void setUp() {
        postgres = SampleDatabase.ensure();
        jobs = new DumpJobs(bootstrapServers, mapper, cryptoKey, signingKey);
        events = new JobEventLog(bootstrapServers, mapper);
    }

    @AfterAll
    void tearDown() {
        jobs.close();
        events.close();
    }

    @Test
    void dumpsADatabaseIntoTheStoreAndReportsItsChecksum() throws Exception {
        DumpJob job = jobs.send(sampleJob(DumpOptions.defaults()));

        List<JobEvent> history = events.awaitFinal(job.jobId(), DUMP_TIMEOUT);

        assertEquals(JobEventType.CLAIMED, history.get(0).type());
        JobEvent done = history.get(history.size() - 1);
        assertEquals(JobEventType.SUCCEEDED, done.type(), () -> "error: " + done.error());
        assertEquals(job.attempt(), done.attempt());
        assertFalse(done.workerId().isBlank());
        assertTrue(done.serverVersion().matches("\\d+\\.\\d+"), done.serverVersion());
        assertTrue(done.toolVersion().startsWith("pg_dump (PostgreSQL) " + done.serverVersion().split("\\.")[0]),
                done.toolVersion());
        Path archive = download(job);
        assertEquals(Files.size(archive), done.bytes());
        assertTrue(done.bytes() > 5L << 20, "several parts: " + done.bytes());
        assertEquals(sha256(archive), done.sha256());
        assertTrue(done.objectKey().matches(Pattern.quote(job.keyPrefix()) + "attempt-1-[0-9a-f]{16}\\.dump"),
                done.objectKey());
        assertEquals(history.get(0).claimId(), done.claimId());
        assertTrue(done.objectKey().contains(done.claimId()), "each claim writes its own object");
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(done.objectKey())).asByteArray();
        assertEquals(done.chain().storedBytes(), stored.length);
        assertEquals(done.chain().storedSha256(), ArchiveChecksum.sha256Of(s3.getObjectAsBytes(
                b -> b.bucket(bucket).key(ArchiveChecksum.keyOf(done.objectKey()))).asUtf8String()),
                "the checksum beside the object is the object's own");
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("PGDMP"), "the stored object is not a readable pg_dump archive");
        assertFalse(text.contains("pgbench_accounts"), "no table name shows in the stored object");
        assertEquals("zstd", done.chain().codec());
        assertEquals("aes-256-gcm", done.chain().encryption());
        assertEquals("k1", done.chain().keyId());
        assertTrue(stored.length < done.bytes(), "compressed: " + stored.length + " of " + done.bytes());
        String list = Tools.run(List.of("pg_restore", "--list", archive.toString()), Map.of());
        assertTrue(list.contains("TABLE DATA public notes"), list);
        assertTrue(list.contains("TABLE DATA public pgbench_accounts"), list);
        List<Long> progress = history.stream().filter(e -> e.type() == JobEventType.PROGRESS).map(JobEvent::bytes)
                .toList();
        assertFalse(progress.isEmpty(), "heartbeats while the dump ran");
        assertEquals(progress.stream().sorted().toList(), progress, "progress only grows");
        assertTrue(progress.get(progress.size() - 1) <= done.bytes());
    }

    @Test
    void excludedTableDataIsNotInTheDump() throws Exception {
        DumpJob job = jobs.send(sampleJob(DumpJobs.options("custom", false, List.of("notes"))));

        JobEvent done = succeeded(job);

        String restored = "restored_" + job.jobId().substring(0, 8);
        postgres.createDatabase(restored);
        Tools.run(postgres, List.of("pg_restore", "--no-owner", "--exit-on-error", "-d", restored,
                download(job).toString()));
        assertEquals("0", postgres.psql(restored, "SELECT count(*) FROM notes").strip());
        assertEquals(Integer.toString(SampleDatabase.ACCOUNTS),
                postgres.psql(restored, "SELECT count(*) FROM pgbench_accounts").strip());
        assertTrue(done.bytes() > 0);
    }

    @Test
    void schemaOnlyDumpsNoRowsInAnyFormat() throws Exception {
        DumpJob job = jobs.send(sampleJob(DumpJobs.options("tar", true, List.of())));

        succeeded(job);

        String list = Tools.run(List.of("pg_restore", "--list", download(job).toString()), Map.of());
        assertTrue(list.contains("TABLE public notes"), list);
        assertFalse(list.contains("TABLE DATA"), list);
    }

    @Test
    void aMalformedJobIsSkippedAndTheNextOneRuns() throws Exception {
        jobs.sendRaw("garbage", "{\"v\":1,\"jobId\": this is not json");
        jobs.sendRaw("garbage", "{\"v\":1}");
        DumpJob job = jobs.send(sampleJob(DumpJobs.options("plain", true, List.of())));

        succeeded(job);

        assertTrue(Files.readString(download(job)).contains("CREATE TABLE public.notes"));
    }

    @Test
    void unsignedAndAlteredJobsAreRefusedAndAGenuineOneRunsAfterThem() {
        DumpJob unsigned = sampleJob(DumpOptions.defaults());
        jobs.sendUnsigned(unsigned);
        DumpJob signed = sampleJob(DumpOptions.defaults());
        DumpJob altered = new DumpJob(signed.v(), signed.jobId(), signed.snapshotId(), signed.instanceId(),
                signed.attempt(), signed.connection(), signed.options(), "snapshots/elsewhere/", "dump");
        jobs.sendForged(altered, signed);

        succeeded(jobs.send(sampleJob(DumpJobs.options("custom", true, List.of()))));

        assertEquals(List.of(), events.awaitEvents(unsigned.jobId(), Duration.ofSeconds(1)), "no CLAIMED event");
        assertEquals(List.of(), events.events(signed.jobId()), "no CLAIMED event");
        for (String key : List.of(unsigned.keyPrefix(), signed.keyPrefix(), altered.keyPrefix())) {
            assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents().isEmpty(), key);
            assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().isEmpty(), key);
        }
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() {
        String wrong = "Not-The-Password-123";
        DumpJob job = jobs.send(jobs.job(postgres, SampleDatabase.NAME, SampleDatabase.ROLE, wrong,
                DumpOptions.defaults()));

        JobEvent failed = failed(job);

        assertTrue(failed.error().contains("password authentication failed"), failed.error());
        assertTrue(events.rawEvents(job.jobId()).stream().noneMatch(json -> json.contains(wrong)));
        assertNoUploadLeft(job);
    }

    @Test
    void aHostThatIsNotANameOrAnAddressFailsTheJobBeforeAnythingConnects() {
        DumpJob made = jobs.job(postgres, SampleDatabase.NAME, SampleDatabase.ROLE, SampleDatabase.PASSWORD,
                DumpOptions.defaults());
        ConnectionSpec c = made.connection();
        DumpJob job = jobs.send(new DumpJob(made.v(), made.jobId(), made.snapshotId(), made.instanceId(),
                made.attempt(), new ConnectionSpec(c.host() + "/other?sslmode=disable", c.port(), c.database(),
                        c.username(), c.sslmode(), c.sealedPassword(), null), made.options(), made.keyPrefix(), made.extension()));

        JobEvent failed = failed(job);

        assertTrue(failed.error().startsWith("refused to connect: the job's host is not a host name or an IP"
                + " address"), failed.error());
        assertNoUploadLeft(job);
    }

    @Test
    void aMissingDatabaseFailsReadably() {
        DumpJob job = jobs.send(jobs.job(postgres, "no_such_db", SampleDatabase.ROLE, SampleDatabase.PASSWORD,
                DumpOptions.defaults()));

        JobEvent failed = failed(job);

        assertTrue(failed.error().contains("database \"no_such_db\" does not exist"), failed.error());
        assertFalse(failed.error().contains(SampleDatabase.PASSWORD));
    }

    @Test
    void aPgDumpErrorAbortsTheUploadAndReportsTheToolsMessage() {
        DumpJob job = jobs.send(jobs.job(postgres, SampleDatabase.NAME, SampleDatabase.LIMITED_ROLE,
                SampleDatabase.PASSWORD, DumpOptions.defaults()));

        JobEvent failed = failed(job);

        assertTrue(failed.error().startsWith("pg_dump exited with code 1"), failed.error());
        assertTrue(failed.error().contains("permission denied"), failed.error());
        assertNoUploadLeft(job);
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).prefix(job.keyPrefix())).contents().isEmpty());
    }

    @Test
    void runsNoMoreJobsAtOnceThanItHasSlots() {
        List<DumpJob> sent = List.of(jobs.send(sampleJob(DumpOptions.defaults())),
                jobs.send(sampleJob(DumpOptions.defaults())), jobs.send(sampleJob(DumpOptions.defaults())));

        List<List<JobEvent>> histories = sent.stream().map(j -> events.awaitFinal(j.jobId(), DUMP_TIMEOUT)).toList();

        histories.forEach(h -> assertEquals(JobEventType.SUCCEEDED, h.get(h.size() - 1).type()));
        for (List<JobEvent> history : histories) {
            JobEvent claimed = history.get(0);
            long runningThen = histories.stream()
                    .filter(other -> other != history)
                    .filter(other -> !other.get(0).at().isAfter(claimed.at())
                            && other.get(other.size() - 1).at().isAfter(claimed.at()))
                    .count();
            assertTrue(runningThen < 2, "a third job started while two were running");
        }
    }

    @Test
    void healthProbesKafkaAndTheStoreAndMetricsCountJobs() {
        succeeded(jobs.send(sampleJob(DumpJobs.options("custom", true, List.of()))));

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("object-store"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("snapkeep_dump_jobs_total{outcome=\"succeeded\"}"))
                .body(containsString("snapkeep_dump_bytes_total"));
    }

    @Test
    void startsWithTheSharedSettingsBesideItsOwn() {
        assertEquals(Duration.ofMillis(250), worker.heartbeatInterval());
        assertEquals(bucket, store.bucket());
        assertEquals(5L << 20, config.dump().partSize().asLongValue());
    }

    private DumpJob sampleJob(DumpOptions options) {
        return jobs.job(postgres, SampleDatabase.NAME, SampleDatabase.ROLE, SampleDatabase.PASSWORD, options);
    }

    private JobEvent succeeded(DumpJob job) {
        List<JobEvent> history = events.awaitFinal(job.jobId(), DUMP_TIMEOUT);
        JobEvent last = history.get(history.size() - 1);
        assertEquals(JobEventType.CLAIMED, history.get(0).type());
        assertEquals(JobEventType.SUCCEEDED, last.type(), () -> "error: " + last.error());
        return last;
    }

    private JobEvent failed(DumpJob job) {
        List<JobEvent> history = events.awaitFinal(job.jobId(), DUMP_TIMEOUT);
        JobEvent last = history.get(history.size() - 1);
        assertEquals(JobEventType.CLAIMED, history.get(0).type());
        assertEquals(JobEventType.FAILED, last.type());
        return last;
    }

    private void assertNoUploadLeft(DumpJob job) {
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket).prefix(job.keyPrefix())).uploads().isEmpty());
    }

    /** The archive the job's SUCCEEDED event names, opened from its sealed object with the test keyring. */
    private Path download(DumpJob job) throws Exception {
        JobEvent done = succeeded(job);
        Path file = Files.createTempFile(Path.of("target"), "archive-", ".dump");
        try (InputStream object = s3.getObject(b -> b.bucket(bucket).key(done.objectKey()));
                SealedArchiveReader archive = SealedArchiveReader.open(object, stages.keyring(),
                        WrappedKey.of(done.chain().keyId(), done.chain().wrappedKey()))) {
            Files.copy(archive, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
