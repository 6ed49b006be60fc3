package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.JobType;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.repository.JobRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.messages.JobEvent;
import io.snapkeep.messages.JobEventType;

/**
 * Applies what workers report. Idempotent: an event for another attempt than the job's current one, for a job
 * that already ended, or from another claim than the one that came first (a job delivered twice, by an outbox resend
 * or a consumer-group rebalance, to another worker or to the same one), changes nothing but the removal of the archive
 * such a claim wrote ({@link DumpArchives}), so redelivered or late events are harmless. CANCELLED ends the job as
 * cancelled by whoever asked for it; SWAPPING marks a restore that can no longer be cancelled.
 */
@ApplicationScoped
public class JobEventService {
    private static final Logger LOG = Logger.getLogger(JobEventService.class);

    private final JobRepository jobs;
    private final SnapshotRepository snapshots;
    private final JobOutcomes outcomes;
    private final DumpArchives archives;
    private final CatalogConfig config;

    public JobEventService(JobRepository jobs, SnapshotRepository snapshots, JobOutcomes outcomes,
            DumpArchives archives, CatalogConfig config) {
        this.jobs = jobs;
        this.snapshots = snapshots;
        this.outcomes = outcomes;
        this.archives = archives;
        this.config = config;
    }

    @WithTransaction
    public Uni<Void> apply(JobEvent event) {
        return jobs.lock(UUID.fromString(event.jobId())).chain(job -> {
            if (job == null) {
                LOG.warnf("job event %s for unknown job %s skipped", event.type(), event.jobId());
                return Uni.createFrom().voidItem();
            }
            if (job.attempt != event.attempt() || !job.isActive()) {
                LOG.debugf("stale %s of job %s attempt %d skipped (job at attempt %d, %s)", event.type(), job.id,
                        event.attempt(), job.attempt, job.status);
                return archives.discard(job, event);
            }
            if (job.workerId != null && !holds(job, event)) {
                Logger.Level level = event.type() == JobEventType.PROGRESS ? Logger.Level.DEBUG : Logger.Level.WARN;
                LOG.logf(level, "%s of job %s from worker %s (claim %s) skipped: worker %s (claim %s) holds its lease",
                        event.type(), job.id, event.workerId(), event.claimId(), job.workerId, job.claimId);
                return archives.discard(job, event);
            }
            return switch (event.type()) {
                case CLAIMED, PROGRESS -> heartbeat(job, event);
                case SWAPPING -> swapping(job, event);
                case SUCCEEDED -> job.type == JobType.DUMP ? archives.complete(job, event)
                        : outcomes.succeed(job, new JobOutcomes.Result(event.bytes(), event.sha256(),
                                event.serverVersion(), event.toolVersion(), null));
                case FAILED -> outcomes.fail(job, event.error() == null ? "the worker reported a failure" : event.error());
                case CANCELLED -> outcomes.cancel(job, job.cancelRequestedBy == null ? "worker " + event.workerId()
                        : job.cancelRequestedBy);
            };
        });
    }

    /** The restore began its swap: it can no longer be cancelled, so a cancel asked for meanwhile is dropped. */
    private Uni<Void> swapping(Job job, JobEvent event) {
        if (job.swapStartedAt == null) {
            job.swapStartedAt = Instant.now();
        }
        if (job.cancelRequestedBy != null) {
            LOG.infof("job %s: the cancel by %s came too late, the restore began its swap", job.id,
                    job.cancelRequestedBy);
            job.cancelRequestedBy = null;
        }
        return heartbeat(job, event);
    }

    private static boolean holds(Job job, JobEvent event) {
        return job.workerId.equals(event.workerId()) && Objects.equals(job.claimId, event.claimId());
    }

    private Uni<Void> heartbeat(Job job, JobEvent event) {
        Instant now = Instant.now();
        job.workerId = event.workerId();
        job.claimId = event.claimId();
        job.progressBytes = Math.max(job.progressBytes, event.bytes());
        if (event.expectedBytes() != null) {
            job.expectedBytes = event.expectedBytes();
        }
        if (event.phase() != null) {
            job.phase = event.phase();
        }
        job.leaseExpiresAt = now.plus(config.jobs().leaseDuration());
        job.updatedAt = now;
        if (job.status == JobStatus.RUNNING) {
            return Uni.createFrom().voidItem();
        }
        job.status = JobStatus.RUNNING;
        job.startedAt = now;
        job.queuedUntil = null;
        return snapshots.findById(job.snapshotId).chain(snapshot -> outcomes.running(job, snapshot));
    }
}
