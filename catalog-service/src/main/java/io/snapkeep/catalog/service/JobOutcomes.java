package io.snapkeep.catalog.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.InstanceStatus;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;

/**
 * Ends a dump job, inside the caller's transaction: the job, its snapshot and its instance change together, and
 * the snapshot's new status is announced.
 */
@ApplicationScoped
public class JobOutcomes {
    private final SnapshotRepository snapshots;
    private final InstanceRepository instances;
    private final SnapshotEvents events;

    public JobOutcomes(SnapshotRepository snapshots, InstanceRepository instances, SnapshotEvents events) {
        this.snapshots = snapshots;
        this.instances = instances;
        this.events = events;
    }

    /** What a successful dump reported. */
    public record Result(long sizeBytes, String sha256, String serverVersion, String toolVersion) {
    }

    public Uni<Void> succeed(Job job, Result result) {
        end(job, JobStatus.SUCCEEDED, null);
        job.progressBytes = result.sizeBytes();
        return snapshots.findById(job.snapshotId).chain(snapshot -> {
            snapshot.status = SnapshotStatus.COMPLETED;
            snapshot.sizeBytes = result.sizeBytes();
            snapshot.sha256 = result.sha256();
            snapshot.serverVersion = result.serverVersion();
            snapshot.toolVersion = result.toolVersion();
            snapshot.completedAt = job.finishedAt;
            snapshot.error = null;
            return release(job).chain(() -> events.announce(snapshot));
        });
    }

    public Uni<Void> fail(Job job, String error) {
        end(job, JobStatus.FAILED, error);
        return snapshots.findById(job.snapshotId).chain(snapshot -> {
            snapshot.status = SnapshotStatus.FAILED;
            snapshot.error = error;
            return release(job).chain(() -> events.announce(snapshot));
        });
    }

    public Uni<Void> running(Job job, Snapshot snapshot) {
        if (snapshot.status != SnapshotStatus.PENDING) {
            return Uni.createFrom().voidItem();
        }
        snapshot.status = SnapshotStatus.RUNNING;
        return events.announce(snapshot);
    }

    private static void end(Job job, JobStatus status, String error) {
        Instant now = Instant.now();
        job.status = status;
        job.error = error;
        job.finishedAt = now;
        job.updatedAt = now;
        job.leaseExpiresAt = null;
    }

    private Uni<Void> release(Job job) {
        return instances.findById(job.instanceId).invoke(instance -> instance.status = InstanceStatus.AVAILABLE)
                .replaceWithVoid();
    }
}
