package io.snapkeep.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.Ports;
import io.snapkeep.localstack.ServiceEnvironment;
import io.snapkeep.localstack.ServiceKeys;
import io.snapkeep.localstack.ServiceProcess;
import io.snapkeep.localstack.ServiceSpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole system as an operator runs it, started once for all end-to-end tests of this JVM: the real servers
 * of the {@link LocalStack}, the catalog-service, two dump-workers and a restore-worker, each its own JVM from its
 * built jar. The
 * catalog's leases and the workers' Kafka sessions are short (8 s) so that a lost worker is noticed quickly,
 * archive segments small, and the catalog sweeps the store every 5 s (incomplete uploads older than 20 s, objects of
 * unrecorded snapshots older than 30 s).
 */
final class RunningSystem {
    static final String LEASE = "8s";
    /** Archive segments of 1 MiB (256 KiB by default), as the catalog's tests have them. */
    static final String SEGMENT = "1M";
    private static final String HEAP = "256m";
    private static RunningSystem instance;

    final LocalStack stack;
    private final ServiceSpec catalogSpec;
    private ServiceProcess catalog;
    /** Where the restore-worker downloads the archives of parallel and CLEAN restores. */
    final Path restoreSpool;
    private final ServiceSpec restoreWorkerSpec;
    private ServiceProcess restoreWorker;
    final S3Client s3;
    final Path logDir;
    final ServiceEnvironment environment;
    private final ServiceKeys keys = ServiceKeys.random();
    private final String operatorToken;
    private final Path repoRoot;
    private final List<ServiceSpec> workerSpecs = new ArrayList<>();
    private final List<ServiceProcess> dumpWorkers = new ArrayList<>();

    private RunningSystem() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopServices, "e2e-services-shutdown"));
        stack = LocalStack.startProcessesForTests();
        repoRoot = Path.of(System.getProperty("snapkeep.repo.root", ".."));
        logDir = Path.of("target", "e2e-logs").toAbsolutePath();
        environment = new ServiceEnvironment(stack, keys);
        catalogSpec = with(environment.catalogService(Ports.freePort()),
                Map.of("SNAPKEEP_JOBS_LEASE_DURATION", LEASE, "SNAPKEEP_JOBS_LEASE_CHECK_INTERVAL", "1s",
                        "SNAPKEEP_ARCHIVE_SEGMENT_SIZE", SEGMENT, "SNAPKEEP_SWEEP_INTERVAL", "5s",
                        "SNAPKEEP_SWEEP_MULTIPART_AGE", "20s", "SNAPKEEP_SWEEP_ORPHAN_GRACE", "30s",
                        "SNAPKEEP_SWEEP_CLEANUP_BACKOFF", "5s"));
        catalog = startCatalog();
        for (int i = 1; i <= 2; i++) {
            workerSpecs.add(with(environment.dumpWorker(Ports.freePort()), Map.of("SNAPKEEP_WORKER_ID", workerId(i),
                    "SNAPKEEP_WORKER_HEARTBEAT_INTERVAL", "2s", "SNAPKEEP_ARCHIVE_SEGMENT_SIZE", SEGMENT,
                    "MP_MESSAGING_INCOMING_DUMP_JOBS_SESSION_TIMEOUT_MS", "8000",
                    "MP_MESSAGING_INCOMING_DUMP_JOBS_HEARTBEAT_INTERVAL_MS", "2000")));
            dumpWorkers.add(startWorker(i));
        }
        restoreSpool = logDir.resolve("restore-spool");
        try {
            Files.createDirectories(restoreSpool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restoreWorkerSpec = with(environment.restoreWorker(Ports.freePort()), Map.of("SNAPKEEP_WORKER_ID",
                "restore-worker-1", "SNAPKEEP_WORKER_HEARTBEAT_INTERVAL", "2s",
                "MP_MESSAGING_INCOMING_RESTORE_JOBS_SESSION_TIMEOUT_MS", "8000",
                "MP_MESSAGING_INCOMING_RESTORE_JOBS_HEARTBEAT_INTERVAL_MS", "2000", "SNAPKEEP_RESTORE_TEMP_DIR",
                restoreSpool.toString()));
        restoreWorker = startRestoreWorker(Map.of());
        s3 = S3Client.builder().endpointOverride(URI.create(stack.s3().endpoint())).region(Region.of(stack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(stack.s3AccessKey(), stack.s3SecretKey())))
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = catalog.port();
        operatorToken = RestAssured.given().header("Authorization", "Bearer " + keys.adminToken())
                .contentType("application/json").body(Map.of("name", "e2e-operator", "role", "operator"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    /** The catalog's bootstrap admin token. */
    String adminToken() {
        return keys.adminToken();
    }

    /** An operator token made through the API at start. */
    String operatorToken() {
        return operatorToken;
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    /** The running catalog-service (another process after {@link #restartCatalog()}). */
    synchronized ServiceProcess catalog() {
        return catalog;
    }

    /** Kills the catalog-service with SIGKILL, as a crash would. */
    synchronized void killCatalog() {
        catalog.kill();
    }

    /** Starts the catalog-service again after a kill, on the same port; returns once it is ready. */
    synchronized void restartCatalog() {
        catalog = startCatalog();
    }

    /**
     * Pauses the Kafka broker with SIGSTOP (its sockets stay open, nothing is answered) until {@link #resumeKafka()}.
     */
    void pauseKafka() {
        Signals.send("STOP", stack.kafka().pid());
    }

    /** Resumes a broker paused by {@link #pauseKafka()} (SIGCONT). */
    void resumeKafka() {
        Signals.send("CONT", stack.kafka().pid());
    }

    private ServiceProcess startCatalog() {
        return ServiceProcess.start(repoRoot, catalogSpec, logDir, HEAP);
    }

    static String workerId(int number) {
        return "dump-worker-" + number;
    }

    /** Kills dump-worker {@code number} (1 or 2) with SIGKILL, as a crash would. */
    synchronized void killWorker(int number) {
        dumpWorkers.get(number - 1).kill();
    }

    /** Starts dump-worker {@code number} again after a kill. */
    synchronized void restartWorker(int number) {
        dumpWorkers.set(number - 1, startWorker(number));
    }

    /** Pauses the store (S3Proxy) with SIGSTOP: it takes connections but answers nothing until {@link #resumeStore}. */
    void pauseStore() {
        Signals.send("STOP", stack.s3().pid());
    }

    void resumeStore() {
        Signals.send("CONT", stack.s3().pid());
    }

    /** Kills the restore-worker with SIGKILL, as a crash would. */
    synchronized void killRestoreWorker() {
        restoreWorker.kill();
    }

    /**
     * Starts the restore-worker again after a kill, with {@code extra} environment (e.g. a test pause point) beside its
     * usual one; {@code Map.of()} starts it as it runs normally.
     */
    synchronized void restartRestoreWorker(Map<String, String> extra) {
        restoreWorker = startRestoreWorker(extra);
    }

    /** The running restore-worker's log file. */
    synchronized Path restoreWorkerLog() {
        return restoreWorker.logFile();
    }

    private ServiceProcess startRestoreWorker(Map<String, String> extra) {
        return ServiceProcess.start(repoRoot, with(restoreWorkerSpec, extra), logDir.resolve("restore-worker-1"), HEAP);
    }

    private ServiceProcess startWorker(int number) {
        return ServiceProcess.start(repoRoot, workerSpecs.get(number - 1), logDir.resolve(workerId(number)), HEAP);
    }

    private static ServiceSpec with(ServiceSpec spec, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.putAll(extra);
        return new ServiceSpec(spec.module(), spec.port(), environment);
    }

    /** Stops whatever was started, also after a start that failed half-way. */
    private synchronized void stopServices() {
        dumpWorkers.forEach(ServiceProcess::stop);
        if (restoreWorker != null) {
            restoreWorker.stop();
        }
        if (catalog != null) {
            catalog.stop();
        }
    }
}
