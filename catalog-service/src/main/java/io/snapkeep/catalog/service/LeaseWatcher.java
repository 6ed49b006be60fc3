package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.JobType;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.repository.JobRepository;

/**
 * Finds running jobs whose worker stopped heartbeating and dispatches them again with the next attempt, up to
 * {@code snapkeep.jobs.max-attempts}; past that the job FAILS.
 */
@ApplicationScoped
public class LeaseWatcher {
    private static final Logger LOG = Logger.getLogger(LeaseWatcher.class);

    private final JobRepository jobs;
    private final JobDispatcher dispatcher;
    private final JobOutcomes outcomes;
    private final CleanupJobs cleanups;
    private final CatalogConfig config;

    public LeaseWatcher(JobRepository jobs, JobDispatcher dispatcher, JobOutcomes outcomes, CleanupJobs cleanups,
            CatalogConfig config) {
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.outcomes = outcomes;
        this.cleanups = cleanups;
        this.config = config;
    }

    @Scheduled(every = "${snapkeep.jobs.lease-check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return reclaimExpired().onFailure().invoke(e -> LOG.warnf("lease check failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @WithTransaction
    public Uni<Integer> reclaimExpired() {
        return jobs.lockExpiredLeases(Instant.now()).chain(expired -> Multi.createFrom().iterable(expired)
                .onItem().transformToUniAndConcatenate(this::reclaim).collect().asList().map(List::size));
    }

    private Uni<Void> reclaim(Job job) {
        String lost = "worker " + job.workerId + " stopped heartbeating during attempt " + job.attempt;
        if (job.attempt >= config.jobs().maxAttempts()) {
            LOG.warnf("job %s failed: %s, the last of %d attempts", job.id, lost, config.jobs().maxAttempts());
            return outcomes.fail(job, lost + ", the last of " + config.jobs().maxAttempts() + " attempts")
                    .chain(() -> job.type == JobType.RESTORE
                            ? dispatcher.targetOf(job).chain(target -> cleanups.dropSides(job, target.database()))
                            : Uni.createFrom().voidItem());
        }
        job.attempt++;
        job.status = JobStatus.QUEUED;
        job.workerId = null;
        job.claimId = null;
        job.leaseExpiresAt = null;
        job.progressBytes = 0;
        job.updatedAt = Instant.now();
        LOG.infof("job %s dispatched again as attempt %d: %s", job.id, job.attempt, lost);
        return dispatcher.dispatch(job);
    }
}
