package io.snapkeep.catalog.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.InstanceStatus;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.JobType;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;

/**
 * Ends a job, inside the caller's transaction: the job, what it made (a snapshot, a new instance) and its instance
 * change together, and a snapshot's new status is announced. Whichever way a job ends, the instance it made busy is
 * AVAILABLE again (a new instance's restore made none busy; a cleanup job neither).
 */
@ApplicationScoped
public class JobOutcomes {
    private final SnapshotRepository snapshots;
    private final InstanceRepository instances;
    private final SnapshotEvents events;
    private final NewInstances newInstances;
    private final CatalogConfig config;

    public JobOutcomes(SnapshotRepository snapshots, InstanceRepository instances, SnapshotEvents events,
            NewInstances newInstances, CatalogConfig config) {
        this.snapshots = snapshots;
        this.instances = instances;
        this.events = events;
        this.newInstances = newInstances;
        this.config = config;
    }

    /** What a successful job reported; {@code objectKey} is the archive a dump wrote (checked), else null. */
    public record Result(long sizeBytes, String sha256, String serverVersion, String toolVersion, String objectKey) {
    }

    public Uni<Void> succeed(Job job, Result result) {
        end(job, JobStatus.SUCCEEDED, null);
        job.progressBytes = result.sizeBytes();
        return switch (job.type) {
            case DUMP -> completeSnapshot(job, result);
            case RESTORE -> {
                if (job.previousDatabase != null) {
                    job.previousDropAfter = job.finishedAt.plus(config.restore().keepPreviousFor());
                }
                yield job.newInstance != null ? newInstances.register(job) : release(job);
            }
            case CLEANUP -> Uni.createFrom().voidItem();
        };
    }

    public Uni<Void> fail(Job job, String error) {
        return endUnsuccessfully(job, JobStatus.FAILED, error);
    }

    /** Ends the job CANCELLED; the snapshot of a dump is FAILED with "cancelled by {@code actor}". */
    public Uni<Void> cancel(Job job, String actor) {
        return endUnsuccessfully(job, JobStatus.CANCELLED, "cancelled by " + actor);
    }

    private Uni<Void> endUnsuccessfully(Job job, JobStatus status, String error) {
        end(job, status, error);
        return switch (job.type) {
            case DUMP -> snapshots.findById(job.snapshotId).chain(snapshot -> {
                snapshot.status = SnapshotStatus.FAILED;
                snapshot.error = error;
                return release(job).chain(() -> events.announce(snapshot));
            });
            case RESTORE -> job.newInstance != null ? Uni.createFrom().voidItem() : release(job);
            case CLEANUP -> Uni.createFrom().voidItem();
        };
    }

    public Uni<Void> running(Job job, Snapshot snapshot) {
        if (job.type != JobType.DUMP || snapshot.status != SnapshotStatus.PENDING) {
            return Uni.createFrom().voidItem();
        }
        snapshot.status = SnapshotStatus.RUNNING;
        return events.announce(snapshot);
    }

    private Uni<Void> completeSnapshot(Job job, Result result) {
        return snapshots.findById(job.snapshotId).chain(snapshot -> {
            snapshot.status = SnapshotStatus.COMPLETED;
            snapshot.objectKey = result.objectKey();
            snapshot.sizeBytes = result.sizeBytes();
            snapshot.sha256 = result.sha256();
            snapshot.serverVersion = result.serverVersion();
            snapshot.toolVersion = result.toolVersion();
            snapshot.completedAt = job.finishedAt;
            snapshot.error = null;
            return release(job).chain(() -> events.announce(snapshot));
        });
    }

    private static void end(Job job, JobStatus status, String error) {
        Instant now = Instant.now();
        job.status = status;
        job.error = error;
        job.finishedAt = now;
        job.updatedAt = now;
        job.leaseExpiresAt = null;
        job.queuedUntil = null;
    }

    private Uni<Void> release(Job job) {
        return instances.findById(job.instanceId).invoke(instance -> instance.status = InstanceStatus.AVAILABLE)
                .replaceWithVoid();
    }
}
