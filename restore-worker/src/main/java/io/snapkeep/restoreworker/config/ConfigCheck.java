package io.snapkeep.restoreworker.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with settings a job would trip over later, naming every key that is out of range. */
@ApplicationScoped
public class ConfigCheck {

    void check(@Observes StartupEvent event, RestoreWorkerConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", problems));
        }
    }

    static List<String> problems(RestoreWorkerConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.worker().maxConcurrentJobs() < 1) {
            problems.add("snapkeep.worker.max-concurrent-jobs must be at least 1");
        }
        if (config.worker().heartbeatInterval().toMillis() < 100) {
            problems.add("snapkeep.worker.heartbeat-interval must be at least 100ms");
        }
        if (config.restore().connectTimeout().toSeconds() < 1) {
            problems.add("snapkeep.restore.connect-timeout must be at least 1s");
        }
        if (config.restore().swapAttempts() < 1) {
            problems.add("snapkeep.restore.swap-attempts must be at least 1");
        }
        if (config.restore().maintenanceDatabase().isBlank()) {
            problems.add("snapkeep.restore.maintenance-database must name a database");
        }
        try {
            if (!Files.isDirectory(Path.of(config.restore().tempDir()))) {
                problems.add("snapkeep.restore.temp-dir " + config.restore().tempDir() + " is not a directory");
            }
        } catch (InvalidPathException e) {
            problems.add("snapkeep.restore.temp-dir is not a valid path: " + e.getMessage());
        }
        return problems;
    }
}
