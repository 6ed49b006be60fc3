package io.snapkeep.worker.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This worker replica, whichever job it runs: its name and how much it takes on at once. The worker's own keys sit
 * beside these under {@code snapkeep.*} in its own mapping.
 */
@ConfigMapping(prefix = "snapkeep.worker")
public interface WorkerConfig {

    /**
     * Name this worker reports in its job events (env {@code SNAPKEEP_WORKER_ID}). Unset, it is
     * {@code <hostname>-<pid>}, unique per replica (a computed value, which is why this key is optional rather than
     * defaulted).
     */
    Optional<String> id();

    /**
     * Jobs run at once (env {@code SNAPKEEP_WORKER_MAX_CONCURRENT_JOBS}); when all slots are busy the worker takes no
     * further job from Kafka.
     */
    @WithDefault("2")
    int maxConcurrentJobs();

    /**
     * How often a PROGRESS event (archive bytes so far) is sent while a job runs (env
     * {@code SNAPKEEP_WORKER_HEARTBEAT_INTERVAL}); it is the catalog's lease heartbeat, so keep it well below
     * {@code snapkeep.jobs.lease-duration}.
     */
    @WithDefault("5s")
    Duration heartbeatInterval();
}
