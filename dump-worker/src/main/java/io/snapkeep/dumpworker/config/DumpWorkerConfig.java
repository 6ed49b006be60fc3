package io.snapkeep.dumpworker.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the dump worker reads from configuration, under the {@code snapkeep} prefix. */
@ConfigMapping(prefix = "snapkeep")
public interface DumpWorkerConfig {

    /** The object store the archives are written to. */
    Store store();

    /** The key that opens the sealed database passwords carried by jobs. */
    Crypto crypto();

    /** This worker replica: its name and how much it takes on at once. */
    Worker worker();

    /** How {@code pg_dump} is run and how its output is cut into upload parts. */
    Dump dump();

    interface Store {
        /** Bucket the archives are written to; the object key comes with each job. */
        @WithDefault("snapkeep")
        String bucket();
    }

    interface Crypto {
        /**
         * Base64 of the 32-byte AES key shared with the catalog (env {@code SNAPKEEP_CRYPTO_KEY}). Required: there is
         * no default, the worker does not start without it.
         */
        String key();
    }

    interface Worker {
        /**
         * Name this worker reports in its job events. Unset, it is {@code <hostname>-<pid>}, unique per replica
         * (a computed value, which is why this key is optional rather than defaulted).
         */
        Optional<String> id();

        /** Dumps run at once; when all slots are busy the worker takes no further job from Kafka. */
        @WithDefault("2")
        int maxConcurrentJobs();

        /** How often a PROGRESS event (bytes so far) is sent while a dump runs; it is the catalog's lease heartbeat. */
        @WithDefault("5s")
        Duration heartbeatInterval();
    }

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
         * {@code pg_dump -Z} level for the custom format (0-9). 1 is much faster than the default level for nearly the
         * same size.
         */
        @WithDefault("1")
        int compressionLevel();

        /** Directories searched for {@code pg_dump} and {@code psql} before the PATH; {@code *} matches a version. */
        @WithDefault("/usr/lib/postgresql/*/bin,/usr/pgsql-*/bin")
        List<String> pgBinDirs();

        /** Connection timeout given to {@code psql} and {@code pg_dump} (PGCONNECT_TIMEOUT, whole seconds). */
        @WithDefault("10s")
        Duration connectTimeout();
    }
}
