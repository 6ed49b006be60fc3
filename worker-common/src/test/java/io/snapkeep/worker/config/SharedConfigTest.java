package io.snapkeep.worker.config;

import static io.snapkeep.worker.support.WorkerConfigs.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.WithDefault;
import io.snapkeep.worker.support.WorkerConfigs;

/**
 * The shared mappings ({@code snapkeep.worker}, {@code snapkeep.store}, {@code snapkeep.crypto}) beside a worker's
 * own mapping of the whole {@code snapkeep} prefix: the keys users set keep their names, environment variables
 * included, and the overlap is accepted.
 */
class SharedConfigTest {

    /** Stands for a worker's own mapping, as {@code DumpWorkerConfig}. */
    @ConfigMapping(prefix = "snapkeep")
    interface OwnConfig {
        Own own();

        interface Own {
            @WithDefault("7")
            int level();
        }
    }

    @Test
    void theKeysUsersSetKeepTheirEnvironmentNames() {
        SmallRyeConfig config = WorkerConfigs.fromEnvironment(
                WorkerConfigs.withShared(Map.of("SNAPKEEP_OWN_LEVEL", "3")), OwnConfig.class);

        WorkerConfigs.assertSharedSettings(config);
        assertEquals(3, config.getConfigMapping(OwnConfig.class).own().level());
    }

    @Test
    void onlyTheKeysAreRequired() {
        SmallRyeConfig config = WorkerConfigs.fromEnvironment(WorkerConfigs.REQUIRED_ENVIRONMENT, OwnConfig.class);

        WorkerConfig worker = config.getConfigMapping(WorkerConfig.class);
        assertEquals(Optional.empty(), worker.id());
        assertEquals(2, worker.maxConcurrentJobs());
        assertEquals(Duration.ofSeconds(5), worker.heartbeatInterval());
        assertEquals("snapkeep", config.getConfigMapping(StoreConfig.class).bucket());
        assertEquals(7, config.getConfigMapping(OwnConfig.class).own().level());
        SigningConfig signing = config.getConfigMapping(SigningConfig.class);
        assertEquals("k1", signing.signingKeyId());
        assertEquals(Map.of(), signing.verifyKeys());
        assertThrows(ConfigValidationException.class,
                () -> WorkerConfigs.fromEnvironment(Map.of(), OwnConfig.class));
        assertThrows(ConfigValidationException.class,
                () -> WorkerConfigs.fromEnvironment(Map.of("SNAPKEEP_CRYPTO_KEY", KEY), OwnConfig.class));
    }

    @Test
    void aMisspelledKeyIsStillRefused() {
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> WorkerConfigs.fromProperties(Map.of("snapkeep.crypto.key", KEY,
                        "snapkeep.messages.signing-key", WorkerConfigs.SIGNING_KEY,
                        "snapkeep.worker.max-concurent-jobs", "4"), OwnConfig.class));
        assertTrue(e.getMessage().contains("snapkeep.worker.max-concurent-jobs"), e.getMessage());
    }

    @Test
    void outOfRangeSharedKeysAreNamed() {
        SmallRyeConfig config = WorkerConfigs.fromProperties(Map.of("snapkeep.crypto.key", KEY,
                "snapkeep.messages.signing-key", WorkerConfigs.SIGNING_KEY, "snapkeep.worker.max-concurrent-jobs", "0", "snapkeep.worker.heartbeat-interval", "10ms"),
                OwnConfig.class);

        assertEquals(List.of("snapkeep.worker.max-concurrent-jobs must be at least 1",
                "snapkeep.worker.heartbeat-interval must be at least 100ms"),
                ConfigCheck.problems(config.getConfigMapping(WorkerConfig.class)));
    }
}
