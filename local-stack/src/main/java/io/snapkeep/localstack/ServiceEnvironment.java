package io.snapkeep.localstack;

import java.util.HashMap;
import java.util.Map;

/**
 * How each Snapkeep service is configured to run against a {@link LocalStack}: the one place that maps the stack's
 * servers to the services' environment variables (used by the local launcher and by end-to-end tests).
 */
public final class ServiceEnvironment {

    public static final String CATALOG_SERVICE = "catalog-service";
    public static final String DUMP_WORKER = "dump-worker";
    public static final String RESTORE_WORKER = "restore-worker";
    public static final String SCHEDULER_SERVICE = "scheduler-service";

    private final LocalStack stack;
    private final ServiceKeys keys;

    public ServiceEnvironment(LocalStack stack, ServiceKeys keys) {
        this.stack = stack;
        this.keys = keys;
    }

    /** The catalog: Kafka, its database, the object store, the crypto, signing and archive keys and the tokens it
     * registers. */
    public ServiceSpec catalogService(int port) {
        Map<String, String> env = common(port);
        PostgresServer postgres = stack.postgres();
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.superuser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(LocalStack.CATALOG_DATABASE));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(LocalStack.CATALOG_DATABASE));
        putObjectStore(env);
        putKeys(env);
        env.put("SNAPKEEP_AUTH_BOOTSTRAP_TOKEN", keys.adminToken());
        env.put("SNAPKEEP_AUTH_SCHEDULER_TOKEN", keys.schedulerToken());
        return new ServiceSpec(CATALOG_SERVICE, port, env);
    }

    /** A dump worker: Kafka, the object store, the crypto, signing and archive keys. */
    public ServiceSpec dumpWorker(int port) {
        return worker(DUMP_WORKER, port);
    }

    /** A restore worker: Kafka, the object store, the crypto, signing and archive keys. */
    public ServiceSpec restoreWorker(int port) {
        return worker(RESTORE_WORKER, port);
    }

    /** The scheduler: Kafka, the catalog's base URL (e.g. {@code http://127.0.0.1:8080}) and its token there. */
    public ServiceSpec schedulerService(int port, String catalogUrl) {
        Map<String, String> env = common(port);
        env.put("SNAPKEEP_CATALOG_URL", catalogUrl);
        env.put("SNAPKEEP_CATALOG_TOKEN", keys.schedulerToken());
        return new ServiceSpec(SCHEDULER_SERVICE, port, env);
    }

    private ServiceSpec worker(String module, int port) {
        Map<String, String> env = common(port);
        putObjectStore(env);
        putKeys(env);
        return new ServiceSpec(module, port, env);
    }

    private void putKeys(Map<String, String> env) {
        env.put("SNAPKEEP_CRYPTO_KEY", keys.cryptoKey());
        env.put("SNAPKEEP_MESSAGES_SIGNING_KEY", keys.signingKey());
        env.put("SNAPKEEP_ARCHIVE_KEYS", keys.archiveKeys());
    }

    private Map<String, String> common(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        return env;
    }

    private void putObjectStore(Map<String, String> env) {
        env.put("QUARKUS_S3_ENDPOINT_OVERRIDE", stack.s3().endpoint());
        env.put("QUARKUS_S3_AWS_REGION", stack.region());
        env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", stack.s3AccessKey());
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", stack.s3SecretKey());
        env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        env.put("SNAPKEEP_STORE_BUCKET", stack.bucket());
    }
}
