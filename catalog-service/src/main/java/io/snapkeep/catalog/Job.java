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
    @Column(name = "progress_bytes")
    public long progressBytes;
    public String error;
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive() {
        return status == JobStatus.QUEUED || status == JobStatus.RUNNING;
    }
}
