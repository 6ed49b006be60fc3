package io.snapkeep.catalog.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.JobType;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, UUID> {
    private static final List<JobStatus> ACTIVE = List.of(JobStatus.QUEUED, JobStatus.RUNNING);
    private static final List<JobType> ARCHIVE_JOBS = List.of(JobType.DUMP, JobType.RESTORE);

    public Uni<Job> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A queued or running dump or restore of the snapshot: a job that writes or reads its archive. */
    public Uni<Job> findActiveForSnapshot(UUID snapshotId) {
        return find("snapshotId = ?1 and status in ?2 and type in ?3", snapshotId, ACTIVE, ARCHIVE_JOBS).firstResult();
    }

    /** The queued and running dump and restore jobs: the snapshots they read must stay. */
    public Uni<List<Job>> listActiveOnArchives() {
        return list("status in ?1 and type in ?2", ACTIVE, ARCHIVE_JOBS);
    }

    /** Running jobs whose worker stopped heartbeating, locked for this pass. */
    public Uni<List<Job>> lockExpiredLeases(Instant now) {
        return find("status = ?1 and leaseExpiresAt < ?2", JobStatus.RUNNING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Queued jobs that no worker claimed before their queue timeout, locked for this pass. */
    public Uni<List<Job>> lockUnclaimed(Instant now) {
        return find("status = ?1 and queuedUntil < ?2", JobStatus.QUEUED, now).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** FAILED CLEANUP jobs not yet retried and with retries left, locked for this pass. */
    public Uni<List<Job>> lockFailedCleanups(int maxRetries) {
        return find("type = ?1 and status = ?2 and cleanupJobId is null and retryRound < ?3", JobType.CLEANUP,
                JobStatus.FAILED, maxRetries).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** In-place restores whose previous copy is past its grace period and not yet handed to a cleanup job. */
    public Uni<List<Job>> lockPreviousCopiesDue(Instant now) {
        return find("previousDropAfter < ?1 and cleanupJobId is null", now).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
