package io.snapkeep.catalog;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Work handed to a worker; the lease says how long the current claim holds without a heartbeat. */
@Entity
@Table(name = "job")
public class Job {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public JobType type;
    @Column(name = "instance_id")
    public UUID instanceId;
    @Column(name = "snapshot_id")
    public UUID snapshotId;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    public int attempt;
    @Column(name = "worker_id")
    public String workerId;
    /** The claim of {@link #workerId} that holds the current attempt: its first CLAIMED event's claim id. */
    @Column(name = "claim_id")
    public String claimId;
    @Column(name = "progress_bytes")
    public long progressBytes;
    /** What the current attempt expects to move in all, as its worker reported it; null while unknown. */
    @Column(name = "expected_bytes")
    public Long expectedBytes;
    /** The step a restore is at ({@code downloading}, {@code restoring}, {@code checking}, {@code swapping}). */
    public String phase;
    public String error;
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;
    /** For a QUEUED job: when it is dispatched again if no worker claimed it ({@code snapkeep.jobs.queue-timeout}). */
    @Column(name = "queued_until")
    public Instant queuedUntil;
    /** Who asked to cancel the RUNNING job; it ends CANCELLED when its worker says so or its lease expires. */
    @Column(name = "cancel_requested_by")
    public String cancelRequestedBy;
    /** For a restore: when its worker began the swap, after which it can no longer be cancelled. */
    @Column(name = "swap_started_at")
    public Instant swapStartedAt;
    /**
     * For an in-place restore whose swap began: whether its target accepted connections before the swap closed it (the
     * SWAPPING event says), so that a retry or a cleanup re-opens it if a killed worker left it closed.
     */
    @Column(name = "target_allow_connections")
    public Boolean targetAllowConnections;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** For RESTORE and CLEANUP jobs: the {@code RestoreMode}. */
    public String mode;
    /** For RESTORE jobs: the restore options as JSON. */
    public String options;
    @Column(name = "side_database")
    public String sideDatabase;
    /**
     * For IN_PLACE restores: where the target's previous contents are kept, and until when. Named at the first
     * dispatch and kept for every attempt, so that a retry finds an earlier attempt's swap under it.
     */
    @Column(name = "previous_database")
    public String previousDatabase;
    @Column(name = "previous_drop_after")
    public Instant previousDropAfter;
    /** The CLEANUP job that drops what this job left behind. */
    @Column(name = "cleanup_job_id")
    public UUID cleanupJobId;
    /** For a CLEANUP job: the FAILED CLEANUP job it tries again, and how many retries came before it. */
    @Column(name = "retry_of")
    public UUID retryOf;
    @Column(name = "retry_round")
    public int retryRound;
    /** For NEW_DATABASE restores: the instance to register on success, as JSON. */
    @Column(name = "new_instance")
    public String newInstance;

    public boolean isActive() {
        return status == JobStatus.QUEUED || status == JobStatus.RUNNING;
    }
}
