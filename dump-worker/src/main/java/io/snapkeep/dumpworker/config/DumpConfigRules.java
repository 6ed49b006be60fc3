package io.snapkeep.dumpworker.config;

import io.snapkeep.parts.PartSizeSchedule;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapkeep.worker.config.ConfigRules;

/** The ranges of the {@code snapkeep.dump.*} keys, checked at startup with the shared ones. */
@ApplicationScoped
public class DumpConfigRules implements ConfigRules {
    private final DumpWorkerConfig config;

    DumpConfigRules(DumpWorkerConfig config) {
        this.config = config;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
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
