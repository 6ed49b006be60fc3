package io.snapkeep.dumpworker.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.snapkeep.dumpworker.store.PartSizeSchedule;

/** Refuses to start with settings a job would trip over later, naming every key that is out of range. */
@ApplicationScoped
public class ConfigCheck {

    void check(@Observes StartupEvent event, DumpWorkerConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", problems));
        }
    }

    private static List<String> problems(DumpWorkerConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.worker().maxConcurrentJobs() < 1) {
            problems.add("snapkeep.worker.max-concurrent-jobs must be at least 1");
        }
        if (config.worker().heartbeatInterval().toMillis() < 100) {
            problems.add("snapkeep.worker.heartbeat-interval must be at least 100ms");
        }
        int level = config.dump().compressionLevel();
        if (level < 0 || level > 9) {
            problems.add("snapkeep.dump.compression-level must lie between 0 and 9");
        }
        if (config.dump().connectTimeout().toSeconds() < 1) {
            problems.add("snapkeep.dump.connect-timeout must be at least 1s");
        }
        try {
            new PartSizeSchedule(config.dump().partSize().asLongValue(), config.dump().maxPartSize().asLongValue());
        } catch (IllegalArgumentException e) {
            problems.add("snapkeep.dump.part-size / max-part-size: " + e.getMessage());
        }
        return problems;
    }
}
