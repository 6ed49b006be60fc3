package io.snapkeep.catalog.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the catalog-service, under the prefix {@code snapkeep}. */
@ConfigMapping(prefix = "snapkeep")
public interface CatalogConfig {

    Store store();

    Crypto crypto();

    Jobs jobs();

    Outbox outbox();

    Restore restore();

    interface Store {
        /** Bucket holding the snapshot archives; created at start when missing. */
        @WithDefault("snapkeep")
        String bucket();
    }

    interface Crypto {
        /**
         * Base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}) sealing instance passwords with AES-GCM.
         * No default: the prod profile refuses to start without it; the workers need the same key.
         */
        Optional<String> key();
    }

    interface Jobs {
        /** How long a worker's claim holds without a heartbeat before the job is dispatched again. */
        @WithDefault("30s")
        Duration leaseDuration();

        /** How many times a job is dispatched in all before it is FAILED for lost workers. */
        @WithDefault("3")
        int maxAttempts();

        /** How often expired leases are looked for. */
        @WithDefault("5s")
        String leaseCheckInterval();
    }

    interface Outbox {
        /** How often the relay publishes pending outbox rows to Kafka. */
        @WithDefault("200ms")
        String pollInterval();

        /** Rows published per relay pass. */
        @WithDefault("50")
        int batchSize();
    }

    interface Restore {
        /** How long an in-place restore keeps the target's previous contents (as a renamed database) for rollback. */
        @WithDefault("24h")
        Duration keepPreviousFor();

        /** How often previous copies past their grace period are looked for and dropped. */
        @WithDefault("1m")
        String cleanupInterval();
    }
}
