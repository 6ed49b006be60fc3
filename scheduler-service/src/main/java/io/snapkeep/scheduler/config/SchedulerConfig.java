package io.snapkeep.scheduler.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the scheduler reads from configuration, under the {@code snapkeep} prefix. */
@ConfigMapping(prefix = "snapkeep")
public interface SchedulerConfig {

    /** Where the catalog is: the scheduler's only source of instances, policies and snapshots. */
    Catalog catalog();

    /** When slots are taken. */
    Scheduler scheduler();

    /** Whether snapshots are pruned. */
    Retention retention();

    interface Catalog {
        /** Base URL of the catalog-service's API (env {@code SNAPKEEP_CATALOG_URL}). */
        @WithDefault("http://127.0.0.1:8080")
        String url();

        /**
         * The scheduler's API token, an operator's (env {@code SNAPKEEP_CATALOG_TOKEN}; the catalog registers it from
         * its {@code snapkeep.auth.scheduler-token}). No default: without it the catalog refuses every call.
         */
        Optional<String> token();
    }

    interface Scheduler {
        /**
         * How often the scheduler looks at every instance: requests the snapshots that are due and prunes. A slot is
         * taken at most this long after it is due.
         */
        @WithDefault("1m")
        Duration tickInterval();

        /**
         * Time zone of cron schedules and of retention's hour/day/week/month buckets. Give the catalog the same
         * ({@code snapkeep.scheduler.zone} there too), so its previews and expiry dates agree.
         */
        @WithDefault("UTC")
        ZoneId zone();

        /**
         * Window over which instances on one schedule are spread: each takes its slots at a fixed offset, from a hash
         * of its id, below this (and below the time between two slots), so workers see a steady stream rather than a
         * burst on the hour. Give the catalog the same.
         */
        @WithDefault("10m")
        Duration spread();
    }

    interface Retention {
        /** Whether snapshots that fall out of their instance's policy are deleted (off: only scheduling runs). */
        @WithDefault("true")
        boolean enabled();
    }
}
