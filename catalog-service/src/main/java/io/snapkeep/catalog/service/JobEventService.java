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
 * Applies what workers report. Idempotent: an event for a job that already ended, for another attempt than the job's
 * current one, or from another claim than the one that came first (a job delivered twice, by an outbox resend or a
 * consumer-group rebalance, to another worker or to the same one), changes nothing but the removal of the archive such
 * a claim wrote ({@link DumpArchives}), so redelivered or late events are harmless. Two events of an earlier attempt
 * of a job not yet ended count, as they tell what really happened while its lease was thought lost (a Kafka outage
 * longer than the lease): its SUCCEEDED ends the job (a dump's only once its archive passed the store check; a
 * failing one is deleted and the current attempt goes on), and its SWAPPING records that a swap began. CANCELLED ends
 * the job as cancelled by whoever asked for it; SWAPPING marks a restore that can no longer be cancelled and records
 * whether its target accepted connections before the swap closed it.
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
            if (job.isActive() && event.attempt() < job.attempt) {
                return earlierAttempt(job, event);
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
                case SUCCEEDED -> job.type == JobType.DUMP ? archives.complete(job, event) : succeed(job, event);
                case FAILED -> outcomes.fail(job, event.error() == null ? "the worker reported a failure" : event.error());
                case CANCELLED -> outcomes.cancel(job, job.cancelRequestedBy == null ? "worker " + event.workerId()
                        : job.cancelRequestedBy);
            };
        });
    }

    /**
     * An event of an attempt given up for lost while the job still runs: its SUCCEEDED is taken (the work is done; the
     * current attempt's result will be the stale one), its SWAPPING recorded; anything else changes nothing.
     */
    private Uni<Void> earlierAttempt(Job job, JobEvent event) {
        return switch (event.type()) {
            case SUCCEEDED -> {
                LOG.infof("job %s: the SUCCEEDED of attempt %d (worker %s, claim %s) came after attempt %d was"
                        + " dispatched; it is taken", job.id, event.attempt(), event.workerId(), event.claimId(),
                        job.attempt);
                if (job.type == JobType.DUMP) {
                    yield archives.completeLate(job, event);
                }
                job.workerId = event.workerId();
                job.claimId = event.claimId();
                yield succeed(job, event);
            }
            case SWAPPING -> {
                recordSwap(job, event);
                yield Uni.createFrom().voidItem();
            }
            default -> {
                LOG.debugf("stale %s of job %s attempt %d skipped (job at attempt %d)", event.type(), job.id,
                        event.attempt(), job.attempt);
                yield archives.discard(job, event);
            }
        };
    }

    private Uni<Void> succeed(Job job, JobEvent event) {
        return outcomes.succeed(job, new JobOutcomes.Result(event.bytes(), event.sha256(), event.serverVersion(),
                event.toolVersion(), null));
    }

    /** The restore began its swap: it can no longer be cancelled, so a cancel asked for meanwhile is dropped. */
    private Uni<Void> swapping(Job job, JobEvent event) {
        recordSwap(job, event);
        if (job.cancelRequestedBy != null) {
            LOG.infof("job %s: the cancel by %s came too late, the restore began its swap", job.id,
                    job.cancelRequestedBy);
            job.cancelRequestedBy = null;
        }
        return heartbeat(job, event);
    }

    /** The first swap that began decides; its target's ALLOW_CONNECTIONS before the swap is what a retry restores. */
    private static void recordSwap(Job job, JobEvent event) {
        if (job.swapStartedAt == null) {
            job.swapStartedAt = Instant.now();
        }
        if (job.targetAllowConnections == null) {
            job.targetAllowConnections = event.targetAllowConnections();
        }
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
