package io.snapkeep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The test servers as containers, where a Docker engine answers: the images of {@code docker-compose.yml}
 * (Kafka, S3Proxy with a filesystem backend, PostgreSQL 15 requiring scram passwords).
 */
final class ContainerStack implements TestServers {

    private static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    private static final String S3PROXY_IMAGE = "andrewgaul/s3proxy:latest";
    private static final String POSTGRES_IMAGE = "postgres:15";
    private static final int S3PROXY_PORT = 80;
    private static final String S3PROXY_DATA = "/data";

    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    private final String s3AccessKey = Secrets.token();
    private final String s3SecretKey = Secrets.token();
    private final GenericContainer<?> s3 = new GenericContainer<>(S3PROXY_IMAGE)
            .withExposedPorts(S3PROXY_PORT)
            .withEnv("S3PROXY_AUTHORIZATION", "aws-v2-or-v4")
            .withEnv("S3PROXY_IDENTITY", s3AccessKey)
            .withEnv("S3PROXY_CREDENTIAL", s3SecretKey)
            .withEnv("JCLOUDS_PROVIDER", "filesystem-nio2")
            .withEnv("JCLOUDS_FILESYSTEM_BASEDIR", S3PROXY_DATA);
    private final PostgreSQLContainer postgresContainer = new PostgreSQLContainer(POSTGRES_IMAGE)
            .withUsername("snapkeep")
            .withPassword(Secrets.token());
    private PostgresServer postgres;

    private ContainerStack() {
    }

    static boolean dockerReachable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts the three containers side by side; creates the bucket and the catalog database. */
    static ContainerStack start() {
        ContainerStack stack = new ContainerStack();
        try {
            Startables.deepStart(stack.containers()).join();
            stack.postgres = PostgresServer.existing(stack.postgresContainer.getHost(),
                    stack.postgresContainer.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                    stack.postgresContainer.getUsername(), stack.postgresContainer.getPassword());
            stack.postgres.createDatabase(LocalStack.CATALOG_DATABASE);
            stack.createBucket();
            return stack;
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        containers().forEach(Startable::stop);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String s3Endpoint() {
        return "http://" + s3.getHost() + ":" + s3.getMappedPort(S3PROXY_PORT);
    }

    @Override
    public String s3AccessKey() {
        return s3AccessKey;
    }

    @Override
    public String s3SecretKey() {
        return s3SecretKey;
    }

    @Override
    public String bucket() {
        return LocalStack.BUCKET;
    }

    @Override
    public String region() {
        return LocalStack.REGION;
    }

    @Override
    public PostgresServer postgres() {
        return postgres;
    }

    private List<Startable> containers() {
        return List.of(kafka, s3, postgresContainer);
    }

    /** With the filesystem backend a bucket is a directory under the base directory. */
    private void createBucket() {
        try {
            var result = s3.execInContainer("mkdir", "-p", S3PROXY_DATA + "/" + bucket());
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("Cannot create the bucket: " + result.getStderr());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the bucket", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the bucket", e);
        }
    }
}
