package io.snapkeep.dumpworker.config;

import java.time.Duration;
import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the dump worker reads from configuration under the {@code snapkeep} prefix beside the keys all workers share
 * ({@code snapkeep.worker.*}, {@code snapkeep.store.*}, {@code snapkeep.crypto.*}, mapped in worker-common).
 */
@ConfigMapping(prefix = "snapkeep")
public interface DumpWorkerConfig {

    /** How {@code pg_dump} is run and how its output is cut into upload parts. */
    Dump dump();

    interface Dump {
        /** Size of the first upload parts (at least 5M, the store's minimum); it doubles every 1000 parts. */
        @WithDefault("8M")
        MemorySize partSize();

        /**
         * Largest upload part (at most 5G). Each running dump holds at most two parts in memory. With 8M/512M a dump
         * may reach about 2.4 TiB within the store's 10,000 parts; 2G takes it past 5 TB.
         */
        @WithDefault("512M")
        MemorySize maxPartSize();

        /**
         * {@code pg_dump -Z} level for the custom format (0-9). 0: pg_dump leaves compression to the worker's zstd
         * stage ({@code snapkeep.archive.codec}), which is faster and smaller (bench/).
         */
        @WithDefault("0")
        int compressionLevel();

        /** Directories searched for {@code pg_dump} and {@code psql} before the PATH; {@code *} matches a version. */
        @WithDefault("/usr/lib/postgresql/*/bin,/usr/pgsql-*/bin")
        List<String> pgBinDirs();

        /** Connection timeout given to {@code psql} and {@code pg_dump} (PGCONNECT_TIMEOUT, whole seconds). */
        @WithDefault("10s")
        Duration connectTimeout();
    }
}
