package io.snapkeep.worker.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;
import io.snapkeep.worker.config.CryptoConfig;
import io.snapkeep.worker.config.SigningConfig;
import io.snapkeep.worker.config.StoreConfig;
import io.snapkeep.worker.config.WorkerConfig;

/**
 * SmallRye Config as a worker reads it: the shared mappings of worker-common beside the worker's own under
 * {@code snapkeep}, system properties beneath, a key under a mapped prefix that no mapping knows refused, durations and sizes read as Quarkus
 * reads them ({@code 5s}, {@code 8M}).
 */
public final class WorkerConfigs {
    /** A crypto key for tests: base64 of the bytes 0..31. */
    public static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** A message signing key for tests: base64 of the bytes 32..63. */
    public static final String SIGNING_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    /** The keys a worker does not start without, as environment variables. */
    public static final Map<String, String> REQUIRED_ENVIRONMENT = Map.of("SNAPKEEP_CRYPTO_KEY", KEY,
            "SNAPKEEP_MESSAGES_SIGNING_KEY", SIGNING_KEY);

    /** The shared keys as deployments set them (docker-compose, the e2e tests): environment variables. */
    public static final Map<String, String> SHARED_ENVIRONMENT = Map.of("SNAPKEEP_WORKER_ID", "worker-7",
            "SNAPKEEP_WORKER_MAX_CONCURRENT_JOBS", "4", "SNAPKEEP_WORKER_HEARTBEAT_INTERVAL", "2s",
            "SNAPKEEP_STORE_BUCKET", "archives", "SNAPKEEP_CRYPTO_KEY", KEY,
            "SNAPKEEP_MESSAGES_SIGNING_KEY", SIGNING_KEY, "SNAPKEEP_MESSAGES_SIGNING_KEY_ID", "k2",
            "SNAPKEEP_MESSAGES_VERIFY_KEYS_K1", KEY);

    private WorkerConfigs() {
    }

    /** The configuration a worker gets from these environment variables. */
    public static SmallRyeConfig fromEnvironment(Map<String, String> variables, Class<?> workerMapping) {
        return builder(workerMapping).withSources(new EnvConfigSource(variables, EnvConfigSource.ORDINAL)).build();
    }

    /** {@link #SHARED_ENVIRONMENT} and a worker's own {@code variables}. */
    public static Map<String, String> withShared(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(SHARED_ENVIRONMENT);
        all.putAll(variables);
        return all;
    }

    /** Fails unless {@code config} holds what {@link #SHARED_ENVIRONMENT} sets, in the shared mappings. */
    public static void assertSharedSettings(SmallRyeConfig config) {
        WorkerConfig worker = config.getConfigMapping(WorkerConfig.class);
        assertEquals(Optional.of("worker-7"), worker.id());
        assertEquals(4, worker.maxConcurrentJobs());
        assertEquals(Duration.ofSeconds(2), worker.heartbeatInterval());
        assertEquals("archives", config.getConfigMapping(StoreConfig.class).bucket());
        assertEquals(KEY, config.getConfigMapping(CryptoConfig.class).key());
        SigningConfig signing = config.getConfigMapping(SigningConfig.class);
        assertEquals(SIGNING_KEY, signing.signingKey());
        assertEquals("k2", signing.signingKeyId());
        assertEquals(Map.of("k1", KEY), signing.verifyKeys());
    }

    /** The configuration a worker gets from these properties ({@code application.properties} or {@code -D}). */
    public static SmallRyeConfig fromProperties(Map<String, String> properties, Class<?> workerMapping) {
        return builder(workerMapping).withSources(new PropertiesConfigSource(properties, "test", 250)).build();
    }

    private static SmallRyeConfigBuilder builder(Class<?> workerMapping) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new SysPropConfigSource())
                .withMapping(WorkerConfig.class)
                .withMapping(StoreConfig.class)
                .withMapping(CryptoConfig.class)
                .withMapping(SigningConfig.class)
                .withMapping(workerMapping)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withValidateUnknown(true);
    }
}
