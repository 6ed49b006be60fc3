package io.snapkeep.worker.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with settings a job would trip over later, naming every key that is out of range at once: the
 * shared {@code snapkeep.worker.*} keys and those of every {@link ConfigRules} the worker has.
 */
@ApplicationScoped
public class ConfigCheck {

    void check(@Observes StartupEvent event, WorkerConfig worker, @All List<ConfigRules> rules) {
        List<String> problems = problems(worker);
        rules.forEach(r -> problems.addAll(r.problems()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", problems));
        }
    }

    static List<String> problems(WorkerConfig worker) {
        List<String> problems = new ArrayList<>();
        if (worker.maxConcurrentJobs() < 1) {
            problems.add("snapkeep.worker.max-concurrent-jobs must be at least 1");
        }
        if (worker.heartbeatInterval().toMillis() < 100) {
            problems.add("snapkeep.worker.heartbeat-interval must be at least 100ms");
        }
        return problems;
    }
}
