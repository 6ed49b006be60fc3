package io.snapkeep.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.repository.JobRepository;

/**
 * Tries FAILED CLEANUP jobs again (a database still in use, its server down), each retry a new CLEANUP job naming the
 * one it retries, after a back-off of {@code snapkeep.sweep.cleanup-backoff} doubling with each retry up to
 * {@code cleanup-max-backoff}, at most {@code cleanup-retries} times; each retry is logged, and the last one says that
 * its databases are left for an operator should it fail too.
 */
@ApplicationScoped
public class CleanupRetries {
    private static final Logger LOG = Logger.getLogger(CleanupRetries.class);

    private final JobRepository jobs;
    private final CleanupJobs cleanups;
    private final CatalogConfig config;

    public CleanupRetries(JobRepository jobs, CleanupJobs cleanups, CatalogConfig config) {
        this.jobs = jobs;
        this.cleanups = cleanups;
        this.config = config;
    }

    @Scheduled(every = "${snapkeep.sweep.cleanup-retry-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return retryDue().onFailure().invoke(e -> LOG.warnf("cleanup retry pass failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** @return how many FAILED CLEANUP jobs were tried again */
    @WithTransaction
    public Uni<Integer> retryDue() {
        Instant now = Instant.now();
        int retries = config.sweep().cleanupRetries();
        return jobs.lockFailedCleanups(retries).chain(failed -> Multi.createFrom().iterable(failed)
                .select().where(job -> job.finishedAt == null || !job.finishedAt.plus(backoff(job)).isAfter(now))
                .onItem().transformToUniAndConcatenate(job -> cleanups.retry(job).invoke(retry -> log(job, retry)))
                .collect().asList().map(List::size));
    }

    /** The wait after the failure of {@code job}: the back-off doubled once for each retry before it, capped. */
    Duration backoff(Job job) {
        Duration max = config.sweep().cleanupMaxBackoff();
        Duration wait = config.sweep().cleanupBackoff();
        for (int i = 0; i < job.retryRound && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }

    private void log(Job failed, Job retry) {
        int retries = config.sweep().cleanupRetries();
        if (retry.retryRound >= retries) {
            LOG.warnf("cleanup job %s failed (%s); the last retry of %d is job %s: should it fail too, databases %s are"
                    + " left for an operator to drop", failed.id, failed.error, retries, retry.id, failed.options);
        } else {
            LOG.infof("cleanup job %s failed (%s); retry %d of %d is job %s", failed.id, failed.error,
                    retry.retryRound, retries, retry.id);
        }
    }
}
