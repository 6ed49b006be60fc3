package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.InstanceStatus;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.JobStatus;
import io.snapkeep.catalog.JobType;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.SnapshotOrigin;
import io.snapkeep.catalog.SnapshotStatus;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.JobRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.catalog.rest.dto.CreateSnapshotRequest;
import io.snapkeep.messages.DumpOptions;

/**
 * Starts snapshots: the snapshot, its dump job and the job's outbox row are written in one transaction, with the
 * instance locked so that it never runs two jobs at once.
 */
@ApplicationScoped
public class SnapshotService {
    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;
    private final JobRepository jobs;
    private final JobDispatcher dispatcher;
    private final JsonColumns json;

    public SnapshotService(InstanceRepository instances, SnapshotRepository snapshots, JobRepository jobs,
            JobDispatcher dispatcher, JsonColumns json) {
        this.instances = instances;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    /** A snapshot just started, with the job that makes it. */
    public record Started(Snapshot snapshot, Job job) {
    }

    @WithTransaction
    public Uni<Started> onDemand(CreateSnapshotRequest request) {
        return Uni.createFrom().item(() -> DumpOptionsReader.read(request.options()))
                .chain(options -> start(request.instanceId(), request.name(), SnapshotOrigin.ON_DEMAND, options,
                        null));
    }

    /** Starts a snapshot inside the caller's transaction. */
    Uni<Started> start(UUID instanceId, String name, SnapshotOrigin origin, DumpOptions options, String requestId) {
        return instances.lockLive(instanceId)
                .onItem().ifNull().failWith(() -> CatalogException.notFound("instance", instanceId))
                .chain(instance -> {
                    if (instance.status != InstanceStatus.AVAILABLE) {
                        return Uni.createFrom().failure(CatalogException.conflict("Instance " + instance.name
                                + " is " + instance.status + ": wait for its running job to finish, then retry."));
                    }
                    Snapshot snapshot = newSnapshot(instance, name, origin, options, requestId);
                    Job job = newDumpJob(snapshot);
                    snapshot.dumpJobId = job.id;
                    instance.status = InstanceStatus.SNAPSHOTTING;
                    return snapshots.persist(snapshot)
                            .chain(() -> jobs.persist(job))
                            .chain(() -> dispatcher.dispatchDump(instance, snapshot, job))
                            .replaceWith(() -> new Started(snapshot, job));
                });
    }

    private Snapshot newSnapshot(Instance instance, String name, SnapshotOrigin origin, DumpOptions options,
            String requestId) {
        Snapshot snapshot = new Snapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.instanceId = instance.id;
        snapshot.name = name;
        snapshot.origin = origin;
        snapshot.status = SnapshotStatus.PENDING;
        snapshot.format = options.format();
        snapshot.options = json.write(options);
        snapshot.requestId = requestId;
        snapshot.createdAt = Instant.now();
        return snapshot;
    }

    private static Job newDumpJob(Snapshot snapshot) {
        Instant now = Instant.now();
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.type = JobType.DUMP;
        job.instanceId = snapshot.instanceId;
        job.snapshotId = snapshot.id;
        job.status = JobStatus.QUEUED;
        job.attempt = 1;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }
}
