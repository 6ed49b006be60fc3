package io.snapkeep.restoreworker.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.worker.config.ConfigRules;

/** The ranges of the {@code snapkeep.restore.*} keys, checked at startup with the shared ones. */
@ApplicationScoped
public class RestoreConfigRules implements ConfigRules {
    private final RestoreWorkerConfig config;

    RestoreConfigRules(RestoreWorkerConfig config) {
        this.config = config;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
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
