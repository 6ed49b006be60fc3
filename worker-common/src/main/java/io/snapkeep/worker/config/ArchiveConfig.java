package io.snapkeep.worker.config;

import java.nio.file.Path;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How archives are sealed before they reach the store and opened after (the catalog has the same keys under the same
 * names). The keys are secrets: never logged.
 */
@ConfigMapping(prefix = "snapkeep.archive")
public interface ArchiveConfig {

    /**
     * The archive keyring: {@code id:base64} entries, comma-separated, each key 32 random bytes (env
     * {@code SNAPKEEP_ARCHIVE_KEYS}). Required (here or in {@link #keysFile()}): there is no default key.
     */
    Optional<String> keys();

    /** A file of {@code id:base64} lines read at start, beside {@link #keys()} (e.g. a mounted secret). */
    Optional<Path> keysFile();

    /** The key id that wraps the data keys of new archives; older ids keep opening theirs. */
    @WithDefault("k1")
    String activeKey();

    /** {@code zstd} or {@code none}: how segments are compressed before encryption. */
    @WithDefault("zstd")
    String codec();

    /** The zstd level (1-19). bench/: level 1 is the fastest for nearly the size of level 3. */
    @WithDefault("1")
    int level();

    /** Threads that compress segments side by side, per running dump. */
    @WithDefault("2")
    int threads();

    /**
     * Archive bytes per segment (each compressed and encrypted on its own, so any range can be read alone). 256K: the
     * JDK 17's AES-GCM reaches its fast (intrinsic) path only after many calls, and one call per 4 MiB chunk kept it at
     * 70 MB/s for the first gigabytes (bench/); many smaller chunks reach 2-3 GB/s within the first 200 MB.
     */
    @WithDefault("256K")
    MemorySize segmentSize();
}
