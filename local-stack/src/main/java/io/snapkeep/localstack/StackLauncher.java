package io.snapkeep.localstack;

import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The local run: real servers on loopback, then the four services from their built jars. Runs in the foreground
 * until SIGTERM or Ctrl-C, then stops the services and the servers. {@code servers} as the only argument starts
 * the servers alone.
 */
public final class StackLauncher {

    private static final int CATALOG_PORT = 8080;
    private static final int DUMP_WORKER_PORT = 8081;
    private static final String CATALOG_URL = "http://127.0.0.1:" + CATALOG_PORT;
    private static final String SERVICE_HEAP = "256m";
    private static final String S3_ACCESS_KEY = "snapkeep-local";

    private final LauncherConfig config;
    private final Deque<Runnable> stops = new ConcurrentLinkedDeque<>();

    private StackLauncher(LauncherConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws InterruptedException {
        boolean serversOnly = List.of(args).equals(List.of("servers"));
        if (args.length > 0 && !serversOnly) {
            System.err.println("usage: StackLauncher [servers]");
            System.exit(2);
        }
        try {
            new StackLauncher(LauncherConfig.fromEnvironment(System.getenv(), Path.of("").toAbsolutePath()))
                    .run(serversOnly);
        } catch (RuntimeException e) {
            System.err.println("snapkeep-local: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    private void run(boolean serversOnly) {
        PidFile pidFile = PidFile.claim(config.home().resolve("snapkeep-local.pid"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "snapkeep-local-shutdown"));
        stops.push(pidFile::delete);

        PostgresServer postgres = choosePostgres();
        LocalStack stack = LocalStack.start(new StackSettings(config.home(), config.kafkaPort(),
                config.kafkaControllerPort(), config.s3Port(), S3_ACCESS_KEY,
                Secrets.readOrCreate(s3SecretFile(), Secrets::token)), postgres);
        stops.push(stack::stop);
        printServers(stack, postgres);

        if (!serversOnly) {
            startServices(stack);
            System.out.println("API: " + CATALOG_URL + "/api/v1 (Swagger UI: " + CATALOG_URL + "/q/swagger-ui)");
            System.out.println("Admin API token (mode 600): " + adminTokenFile()
                    + " — curl -H \"Authorization: Bearer $(cat " + adminTokenFile() + ")\" ...");
        }
        System.out.println("Stop with Ctrl-C or bin/snapkeep-local stop.");
    }

    private PostgresServer choosePostgres() {
        if (Ports.isOpen(config.pgHost(), config.pgPort())) {
            return PostgresServer.existing(config.pgHost(), config.pgPort(), config.pgUser(), config.pgPassword());
        }
        return PostgresServer.throwaway(ClusterDirectory.stableFor(config.home()), postgresLogFile(),
                config.throwawayPgPort(), "snapkeep", Secrets.readOrCreate(postgresPasswordFile(), Secrets::token));
    }

    private void startServices(LocalStack stack) {
        ServiceEnvironment environment = new ServiceEnvironment(stack, new ServiceKeys(
                Secrets.readOrCreate(config.home().resolve("crypto.key"), () -> Secrets.base64Key(32)),
                Secrets.readOrCreate(config.home().resolve("signing.key"), () -> Secrets.base64Key(32)),
                Secrets.readOrCreate(adminTokenFile(), Secrets::apiToken),
                Secrets.readOrCreate(config.home().resolve("scheduler.token"), Secrets::apiToken),
                Secrets.readOrCreate(config.home().resolve("archive.keys"), ServiceKeys::archiveKeyring)));
        start(environment.catalogService(CATALOG_PORT), config.logDir());
        for (int replica = 1; replica <= config.dumpWorkers(); replica++) {
            start(environment.dumpWorker(replica == 1 ? DUMP_WORKER_PORT : DUMP_WORKER_PORT + 1 + replica),
                    replica == 1 ? config.logDir() : config.logDir().resolve("dump-worker-" + replica));
        }
        start(environment.restoreWorker(8082), config.logDir());
        start(environment.schedulerService(8083, CATALOG_URL), config.logDir());
    }

    private void start(ServiceSpec spec, Path logDir) {
        ServiceProcess service = ServiceProcess.start(config.repoRoot(), spec, logDir, SERVICE_HEAP);
        stops.push(service::stop);
        System.out.printf("%-18s http://127.0.0.1:%d (log %s)%n", spec.module(), spec.port(), service.logFile());
    }

    private void printServers(LocalStack stack, PostgresServer postgres) {
        System.out.printf("Snapkeep local stack, SNAPKEEP_HOME=%s%n", config.home());
        System.out.printf("%-18s %s (log %s)%n", "Kafka", stack.kafka().bootstrapServers(),
                stack.kafka().dataDir().resolve("kafka.log"));
        System.out.printf("%-18s %s bucket %s, region %s, access key %s, secret key in %s%n", "S3",
                stack.s3().endpoint(), stack.bucket(), stack.region(), stack.s3AccessKey(), s3SecretFile());
        System.out.printf("%-18s %s:%d database %s, user %s%s%n", "PostgreSQL", postgres.host(), postgres.port(),
                LocalStack.CATALOG_DATABASE, postgres.superuser(), postgres.clusterDirectory()
                        .map(dir -> ", password in " + postgresPasswordFile() + ", data in " + dir
                                + " (log " + postgresLogFile() + ")")
                        .orElse(" (existing server)"));
    }

    private Path adminTokenFile() {
        return config.home().resolve("admin.token");
    }

    private Path s3SecretFile() {
        return config.home().resolve("s3-secret.key");
    }

    private Path postgresLogFile() {
        return config.logDir().resolve("postgres.log");
    }

    private Path postgresPasswordFile() {
        return config.home().resolve("postgres.password");
    }

    /** Runs the recorded stops, newest first (services, then servers, then the pid file). */
    private void stopAll() {
        Runnable stop;
        while ((stop = stops.poll()) != null) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                System.err.println("snapkeep-local: while stopping: " + e.getMessage());
            }
        }
    }
}
