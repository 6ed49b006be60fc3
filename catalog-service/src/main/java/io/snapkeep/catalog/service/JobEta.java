package io.snapkeep.catalog.service;

import java.time.Duration;
import java.time.Instant;

import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;

/**
 * How long a running job still needs, from the rate of its current attempt so far (its bytes since its worker claimed
 * it) and what it expects to move in all. Unknown (null) until there is a rate: a job not running, with no expected
 * size, or with no bytes yet.
 */
public final class JobEta {
    private JobEta() {
    }

    /** @return whole seconds left (0 once the expected bytes are reached), or null */
    public static Long secondsLeft(Job job, Instant now) {
        if (job.status != JobStatus.RUNNING || job.expectedBytes == null || job.progressBytes <= 0
                || job.startedAt == null) {
            return null;
        }
        long elapsedMillis = Duration.between(job.startedAt, now).toMillis();
        if (elapsedMillis <= 0) {
            return null;
        }
        long left = Math.max(0, job.expectedBytes - job.progressBytes);
        return (long) Math.ceil(left * (elapsedMillis / 1000.0) / job.progressBytes);
    }
}
