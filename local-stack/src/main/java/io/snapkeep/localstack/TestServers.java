package io.snapkeep.localstack;

/**
 * The servers tests run against, however they were started (processes on this machine or containers): Kafka, an
 * S3-compatible store with its bucket, and PostgreSQL with the catalog database.
 */
public interface TestServers {

    /** {@code host:port} of the Kafka broker. */
    String kafkaBootstrapServers();

    /** The store's endpoint URL, for path-style access. */
    String s3Endpoint();

    String s3AccessKey();

    String s3SecretKey();

    String bucket();

    String region();

    /** PostgreSQL: host, port, superuser and password, and psql against it. */
    PostgresServer postgres();

    /** Stops what was started. */
    void stop();
}
