package io.snapkeep.worker.support;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a worker's {@code @QuarkusTest} against the real servers of the test stack works with: Kafka's address, the
 * store's client and bucket, the application's JSON mapper, the key the jobs' passwords are sealed with and the key jobs are signed with.
 */
public abstract class RealServersTest {

    @Inject
    protected S3Client s3;

    @Inject
    protected ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    @ConfigProperty(name = "snapkeep.crypto.key")
    protected String cryptoKey;

    @ConfigProperty(name = "snapkeep.messages.signing-key")
    protected String signingKey;

    @ConfigProperty(name = "snapkeep.store.bucket")
    protected String bucket;
}
