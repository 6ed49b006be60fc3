package io.snapkeep.worker.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.snapkeep.archive.ArchiveKeyring;
import io.snapkeep.archive.Codec;
import io.snapkeep.archive.StageSettings;
import io.snapkeep.worker.config.ArchiveConfig;

/**
 * The worker's archive keyring and sealing settings, read once at start: a worker without an archive key, or with
 * settings out of range, refuses to start and says which key to set.
 */
@ApplicationScoped
public class ArchiveStages {
    private final ArchiveKeyring keyring;
    private final StageSettings settings;

    ArchiveStages(ArchiveConfig config) {
        this.keyring = ArchiveKeyring.load(config.keys(), config.keysFile(), config.activeKey());
        this.settings = new StageSettings(Codec.byLabel(config.codec()), config.level(), config.threads(),
                (int) config.segmentSize().asLongValue());
    }

    void checkAtStart(@Observes StartupEvent start) {
        keyring.activeId();
    }

    public ArchiveKeyring keyring() {
        return keyring;
    }

    public StageSettings settings() {
        return settings;
    }
}
