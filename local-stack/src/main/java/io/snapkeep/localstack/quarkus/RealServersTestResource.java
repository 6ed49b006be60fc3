package io.snapkeep.localstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.PostgresServer;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real servers of the JVM-wide {@link LocalStack#startForTests() test stack}.
 * Stopping is left to the stack's shutdown hook, so that test classes of one JVM share the servers.
 */
public class RealServersTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.startForTests();
        PostgresServer postgres = stack.postgres();
        return Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", stack.kafka().bootstrapServers()),
                Map.entry("quarkus.datasource.username", postgres.superuser()),
                Map.entry("quarkus.datasource.password", postgres.password()),
                Map.entry("quarkus.datasource.reactive.url", postgres.reactiveUrl(LocalStack.CATALOG_DATABASE)),
                Map.entry("quarkus.datasource.jdbc.url", postgres.jdbcUrl(LocalStack.CATALOG_DATABASE)),
                Map.entry("quarkus.s3.endpoint-override", stack.s3().endpoint()),
                Map.entry("quarkus.s3.aws.region", stack.region()),
                Map.entry("quarkus.s3.aws.credentials.type", "static"),
                Map.entry("quarkus.s3.aws.credentials.static-provider.access-key-id", stack.s3AccessKey()),
                Map.entry("quarkus.s3.aws.credentials.static-provider.secret-access-key", stack.s3SecretKey()),
                Map.entry("quarkus.s3.path-style-access", "true"),
                Map.entry("snapkeep.store.bucket", stack.bucket()));
    }

    @Override
    public void stop() {
        // The shared stack outlives each test class; LocalStack's JVM shutdown hook stops it.
    }
}
