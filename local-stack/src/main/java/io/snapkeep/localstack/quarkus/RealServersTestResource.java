package io.snapkeep.localstack.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.snapkeep.localstack.LocalStack;
import io.snapkeep.localstack.PostgresServer;
import io.snapkeep.localstack.TestServers;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real servers of the JVM-wide {@link LocalStack#startForTests() test servers}
 * (containers or processes). Stopping is left to their shutdown hook, so that test classes of one JVM share them.
 */
public class RealServersTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestServers servers = LocalStack.startForTests();
        PostgresServer postgres = servers.postgres();
        return Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", servers.kafkaBootstrapServers()),
                Map.entry("quarkus.datasource.username", postgres.superuser()),
                Map.entry("quarkus.datasource.password", postgres.password()),
                Map.entry("quarkus.datasource.reactive.url", postgres.reactiveUrl(LocalStack.CATALOG_DATABASE)),
                Map.entry("quarkus.datasource.jdbc.url", postgres.jdbcUrl(LocalStack.CATALOG_DATABASE)),
                Map.entry("quarkus.s3.endpoint-override", servers.s3Endpoint()),
                Map.entry("quarkus.s3.aws.region", servers.region()),
                Map.entry("quarkus.s3.aws.credentials.type", "static"),
                Map.entry("quarkus.s3.aws.credentials.static-provider.access-key-id", servers.s3AccessKey()),
                Map.entry("quarkus.s3.aws.credentials.static-provider.secret-access-key", servers.s3SecretKey()),
                Map.entry("quarkus.s3.path-style-access", "true"),
                Map.entry("snapkeep.store.bucket", servers.bucket()));
    }

    @Override
    public void stop() {
        // The shared servers outlive each test class; their JVM shutdown hook stops them.
    }
}
