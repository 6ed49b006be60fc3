package io.snapkeep.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local run's settings, from environment variables with defaults.
 *
 * @param repoRoot        the repository whose built services run
 * @param home            {@code SNAPKEEP_HOME}: data, logs, keys and the pid file ({@code <repo>/.local})
 * @param kafkaPort       {@code SNAPKEEP_KAFKA_PORT} (19092); the KRaft controller listens on the next port
 * @param s3Port          {@code SNAPKEEP_S3_PORT} (19000)
 * @param pgHost          {@code SNAPKEEP_PG_HOST} (127.0.0.1): a PostgreSQL to use when one answers there
 * @param pgPort          {@code SNAPKEEP_PG_PORT} (5432)
 * @param pgUser          {@code SNAPKEEP_PG_USER} (postgres)
 * @param pgPassword      {@code SNAPKEEP_PG_PASSWORD} (empty)
 * @param throwawayPgPort {@code SNAPKEEP_PG_THROWAWAY_PORT} (15432): the own cluster's port when none answers
 * @param dumpWorkers     {@code SNAPKEEP_DUMP_WORKERS} (1): dump-worker replicas, on ports 8081, 8084, 8085, ...
 */
record LauncherConfig(Path repoRoot, Path home, int kafkaPort, int s3Port, String pgHost, int pgPort,
                      String pgUser, String pgPassword, int throwawayPgPort, int dumpWorkers) {

    static LauncherConfig fromEnvironment(Map<String, String> env, Path repoRoot) {
        return new LauncherConfig(
                repoRoot,
                Path.of(env.getOrDefault("SNAPKEEP_HOME", repoRoot.resolve(".local").toString())).toAbsolutePath(),
                port(env, "SNAPKEEP_KAFKA_PORT", 19092),
                port(env, "SNAPKEEP_S3_PORT", 19000),
                env.getOrDefault("SNAPKEEP_PG_HOST", "127.0.0.1"),
                port(env, "SNAPKEEP_PG_PORT", 5432),
                env.getOrDefault("SNAPKEEP_PG_USER", "postgres"),
                env.getOrDefault("SNAPKEEP_PG_PASSWORD", ""),
                port(env, "SNAPKEEP_PG_THROWAWAY_PORT", 15432),
                count(env, "SNAPKEEP_DUMP_WORKERS", 1));
    }

    int kafkaControllerPort() {
        return kafkaPort + 1;
    }

    Path logDir() {
        return home.resolve("logs");
    }

    private static int count(Map<String, String> env, String name, int defaultCount) {
        String value = env.get(name);
        try {
            int count = value == null ? defaultCount : Integer.parseInt(value.strip());
            if (count < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + value);
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value, e);
        }
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        try {
            return value == null ? defaultPort : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value, e);
        }
    }
}
