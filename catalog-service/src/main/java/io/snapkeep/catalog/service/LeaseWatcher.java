package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.messaging.JobEventBacklog;
import io.snapkeep.catalog.repository.JobRepository;

/**
 * Finds jobs no worker is known to work on and settles them: a RUNNING job whose worker stopped heartbeating, and a
 * QUEUED job no worker claimed within {@code snapkeep.jobs.queue-timeout}, are dispatched again with the next attempt,
 * up to {@code snapkeep.jobs.max-attempts}; past that the job FAILS. A RUNNING job whose cancel no worker confirmed
 * within its lease ends CANCELLED instead. A restore given up this way gets a cleanup job for its side databases.
 * Nothing is judged before this replica has caught up with the job events ({@link JobEventBacklog}: after a start, a
 * rebalance or an event waiting for a retry) and stayed caught up for a lease duration, so that a heartbeat or result
 * a worker sent meanwhile is applied first, and every worker's next heartbeat has a whole lease to arrive.
 */
@ApplicationScoped
public class LeaseWatcher {
    private static final Logger LOG = Logger.getLogger(LeaseWatcher.class);

    private final JobRepository jobs;
    private final JobDispatcher dispatcher;
    private final JobOutcomes outcomes;
    private final CleanupJobs cleanups;
    private final CatalogConfig config;
    private final JobEventBacklog backlog;

    public LeaseWatcher(JobRepository jobs, JobDispatcher dispatcher, JobOutcomes outcomes, CleanupJobs cleanups,
            CatalogConfig config, JobEventBacklog backlog) {
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.outcomes = outcomes;
        this.cleanups = cleanups;
        this.config = config;
        this.backlog = backlog;
    }

    @Scheduled(every = "${snapkeep.jobs.lease-check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!backlog.caughtUpFor(config.jobs().leaseDuration())) {
            LOG.debug("leases not judged: the job events are not caught up with for a lease duration yet");
            return Uni.createFrom().voidItem();
        }
        return reclaimExpired().onFailure().invoke(e -> LOG.warnf("lease check failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @WithTransaction
    public Uni<Integer> reclaimExpired() {
        Instant now = Instant.now();
        return jobs.lockExpiredLeases(now).chain(expired -> settle(expired, this::reclaimLost))
                .chain(lost -> jobs.lockUnclaimed(now).chain(unclaimed -> settle(unclaimed, this::reclaimUnclaimed))
                        .map(count -> count + lost));
    }

    private static Uni<Integer> settle(List<Job> found, Function<Job, Uni<Void>> action) {
        return Multi.createFrom().iterable(found).onItem().transformToUniAndConcatenate(action::apply).collect().asList()
                .map(List::size);
    }

    private Uni<Void> reclaimLost(Job job) {
        if (job.cancelRequestedBy != null) {
            LOG.infof("job %s cancelled: no worker confirmed the cancel by %s within the lease", job.id,
                    job.cancelRequestedBy);
            return outcomes.cancel(job, job.cancelRequestedBy).chain(() -> cleanups.afterAbandoned(job));
        }
        String lost = "worker " + job.workerId + " stopped heartbeating during attempt " + job.attempt;
        return dispatchAgainOrFail(job, lost, lost + ", the last of " + config.jobs().maxAttempts() + " attempts");
    }

    private Uni<Void> reclaimUnclaimed(Job job) {
        String timeout = DurationText.of(config.jobs().queueTimeout());
        return dispatchAgainOrFail(job, "no worker claimed attempt " + job.attempt + " within " + timeout,
                "no worker took the job within " + timeout + " (" + job.attempt + " dispatches)");
    }

    private Uni<Void> dispatchAgainOrFail(Job job, String why, String failure) {
        if (job.attempt >= config.jobs().maxAttempts()) {
            LOG.warnf("job %s failed: %s", job.id, failure);
            return outcomes.fail(job, failure).chain(() -> cleanups.afterAbandoned(job));
        }
        job.attempt++;
        job.status = JobStatus.QUEUED;
        job.workerId = null;
        job.claimId = null;
        job.leaseExpiresAt = null;
        job.progressBytes = 0;
        job.updatedAt = Instant.now();
        LOG.infof("job %s dispatched again as attempt %d: %s", job.id, job.attempt, why);
        return dispatcher.dispatch(job);
    }
}
