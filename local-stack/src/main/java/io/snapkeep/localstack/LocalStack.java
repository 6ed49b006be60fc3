package io.snapkeep.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The real servers Snapkeep runs on one machine, as processes: Kafka, an S3-compatible store and PostgreSQL. */
public final class LocalStack implements TestServers {

    public static final String REGION = "us-east-1";
    public static final String BUCKET = "snapkeep";
    public static final String CATALOG_DATABASE = "snapkeep";

    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());

    private static LocalStack shared;
    private static TestServers chosen;

    private final KafkaServer kafka;
    private final S3Server s3;
    private final PostgresServer postgres;

    private LocalStack(KafkaServer kafka, S3Server s3, PostgresServer postgres) {
        this.kafka = kafka;
        this.s3 = s3;
        this.postgres = postgres;
    }

    /**
     * Starts the three servers side by side and waits until each is ready; creates the bucket and the catalog
     * database. When one fails, the others are stopped again.
     */
    public static LocalStack start(StackSettings settings, PostgresServer postgres) {
        Path dir = settings.dataDir().toAbsolutePath();
        LocalStack stack = new LocalStack(
                new KafkaServer(dir.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort()),
                new S3Server(dir.resolve("s3"), settings.s3Port(), settings.s3AccessKey(), settings.s3SecretKey()),
                postgres);
        ExecutorService starters = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(stack.kafka::start, starters),
                    CompletableFuture.runAsync(stack.s3::start, starters),
                    CompletableFuture.runAsync(postgres::start, starters)).join();
            stack.s3.createBucket(BUCKET);
            postgres.createDatabase(CATALOG_DATABASE);
            return stack;
        } catch (RuntimeException e) {
            stack.stop();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            starters.shutdown();
        }
    }

    /**
     * The servers shared by all tests of this JVM, chosen once by {@link ServerChoice} and logged: containers where a
     * Docker engine answers, else {@link #startProcessesForTests() processes}; stopped when the JVM exits.
     */
    public static synchronized TestServers startForTests() {
        if (chosen == null) {
            ServerChoice.Choice choice = ServerChoice.choose(
                    ServerChoice.setting(System.getProperties(), System.getenv()), ContainerStack::dockerReachable);
            LOG.log(System.Logger.Level.INFO, "Test servers: {0} ({1})", choice.servers(), choice.reason());
            if (choice.servers() == ServerChoice.Servers.CONTAINERS) {
                TestServers containers = ContainerStack.start();
                Runtime.getRuntime().addShutdownHook(new Thread(containers::stop, "test-containers-shutdown"));
                chosen = containers;
            } else {
                chosen = startProcessesForTests();
            }
        }
        return chosen;
    }

    /**
     * The process stack shared by all tests of this JVM, for tests that stop, pause or kill a server: started on the
     * first call on free ports, with Kafka's and the store's data and all logs under
     * {@code target/local-stack-<random>} of the working directory, a throwaway PostgreSQL (superuser
     * {@code snapkeep}, random password) in a {@link ClusterDirectory#fresh() fresh directory} and random S3 keys;
     * stopped when the JVM exits.
     */
    public static synchronized LocalStack startProcessesForTests() {
        if (shared == null) {
            Path dir = Path.of("target", "local-stack-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
            StackSettings settings = new StackSettings(dir, Ports.freePort(), Ports.freePort(), Ports.freePort(),
                    Secrets.token(), Secrets.token());
            PostgresServer postgres = PostgresServer.throwaway(ClusterDirectory.fresh(),
                    dir.resolve("postgres.log"), Ports.freePort(), "snapkeep", Secrets.token());
            LocalStack stack = start(settings, postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
            shared = stack;
        }
        return shared;
    }

    /** Stops the servers this stack started; each stop is tried even when another fails. */
    @Override
    public void stop() {
        RuntimeException failure = null;
        for (Runnable stop : List.<Runnable>of(kafka::stop, s3::stop, postgres::stop)) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public S3Server s3() {
        return s3;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String s3Endpoint() {
        return s3.endpoint();
    }

    @Override
    public PostgresServer postgres() {
        return postgres;
    }

    @Override
    public String s3AccessKey() {
        return s3.accessKey();
    }

    @Override
    public String s3SecretKey() {
        return s3.secretKey();
    }

    @Override
    public String region() {
        return REGION;
    }

    @Override
    public String bucket() {
        return BUCKET;
    }
}
