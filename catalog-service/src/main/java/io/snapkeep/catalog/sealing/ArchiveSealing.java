package io.snapkeep.catalog.sealing;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.snapkeep.archive.ArchiveKeyring;
import io.snapkeep.archive.Codec;
import io.snapkeep.archive.StageSettings;
import io.snapkeep.catalog.config.CatalogConfig;

/**
 * The catalog's archive keyring and the settings it seals uploads with, read at start: without an archive key
 * ({@code snapkeep.archive.keys} or {@code keys-file}) the service refuses to start (dev and test profiles carry a
 * fixed key; the local launcher makes one).
 */
@Startup
@ApplicationScoped
public class ArchiveSealing {
    private final ArchiveKeyring keyring;
    private final StageSettings settings;

    public ArchiveSealing(CatalogConfig config) {
        CatalogConfig.Archive archive = config.archive();
        this.keyring = ArchiveKeyring.load(archive.keys(), archive.keysFile(), archive.activeKey());
        this.settings = new StageSettings(Codec.byLabel(archive.codec()), archive.level(), archive.threads(),
                (int) archive.segmentSize().asLongValue());
    }

    public ArchiveKeyring keyring() {
        return keyring;
    }

    public StageSettings settings() {
        return settings;
    }
}
