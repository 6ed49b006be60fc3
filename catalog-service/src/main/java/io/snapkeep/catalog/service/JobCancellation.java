package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.repository.JobRepository;
import io.snapkeep.messages.JobControl;
import io.snapkeep.messages.Topics;

/**
 * Cancels a job. A QUEUED one ends CANCELLED at once. A RUNNING one is told through the outbox: a signed CANCEL on
 * {@code snapkeep.job-control}, keyed by job id; it stays RUNNING until its worker reports CANCELLED (or SUCCEEDED or
 * FAILED, if it ended first), or its lease expires ({@link LeaseWatcher}). The queued job's CANCEL goes out too, so
 * that a worker that took it before the cancel stops it as it starts. A restore that began its swap, and a job that
 * ended, cannot be cancelled (409).
 */
@ApplicationScoped
public class JobCancellation {
    private final JobRepository jobs;
    private final JobOutcomes outcomes;
    private final CleanupJobs cleanups;
    private final OutboxWriter outbox;

    public JobCancellation(JobRepository jobs, JobOutcomes outcomes, CleanupJobs cleanups, OutboxWriter outbox) {
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.cleanups = cleanups;
        this.outbox = outbox;
    }

    /** @param actor who cancels, as the audit trail names them */
    @WithTransaction
    public Uni<Job> cancel(UUID id, String actor) {
        return jobs.lock(id).onItem().ifNull().failWith(() -> CatalogException.notFound("job", id)).chain(job -> {
            if (!job.isActive()) {
                return Uni.createFrom().failure(CatalogException.conflict("Job " + id + " already ended " + job.status
                        + ": there is nothing to cancel."));
            }
            if (job.swapStartedAt != null) {
                return Uni.createFrom().failure(CatalogException.conflict(
                        "The restore is past its swap and can no longer be cancelled: let it finish."));
            }
            Uni<Void> settled = job.status == JobStatus.QUEUED
                    ? outcomes.cancel(job, actor).chain(() -> cleanups.afterAbandoned(job))
                    : request(job, actor);
            return settled.chain(() -> tellWorkers(job, actor)).replaceWith(job);
        });
    }

    private static Uni<Void> request(Job job, String actor) {
        job.cancelRequestedBy = actor;
        job.updatedAt = Instant.now();
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> tellWorkers(Job job, String actor) {
        return outbox.append(Topics.JOB_CONTROL, job.id.toString(),
                JobControl.cancel(job.id.toString(), job.attempt, actor)).replaceWithVoid();
    }
}
