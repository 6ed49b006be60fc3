package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.Locale;
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
import io.snapkeep.catalog.rest.dto.RestoreRequest;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.messages.RestoreOptions;

/**
 * Starts restores of a COMPLETED snapshot: in place over an instance (which is RESTORING meanwhile and takes no
 * other job), or into a new database that becomes a new instance when the job succeeds.
 */
@ApplicationScoped
public class RestoreService {
    static final String CONFIRMATION = "RESTORE";
    private static final int MAX_PARALLEL_JOBS = 16;

    private final SnapshotRepository snapshots;
    private final InstanceRepository instances;
    private final JobRepository jobs;
    private final JobDispatcher dispatcher;
    private final JsonColumns json;

    public RestoreService(SnapshotRepository snapshots, InstanceRepository instances, JobRepository jobs,
            JobDispatcher dispatcher, JsonColumns json) {
        this.snapshots = snapshots;
        this.instances = instances;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    /**
     * @param allowSuperuser whether an uploaded snapshot (untrusted SQL) may be restored by a superuser target role;
     *        the worker refuses that otherwise
     */
    @WithTransaction
    public Uni<Job> restore(UUID snapshotId, RestoreRequest request, boolean allowSuperuser) {
        if (!CONFIRMATION.equals(request.confirm())) {
            return Uni.createFrom().failure(CatalogException.invalid("confirm",
                    "Restoring overwrites the target's database: type RESTORE (in capitals) in confirm to go ahead."));
        }
        return restorable(snapshotId).chain(snapshot -> {
            RestoreMode mode = modeOf(request.mode());
            RestoreOptions options = options(snapshot, request.keepOwners(), request.parallelJobs(), allowSuperuser);
            UUID targetId = request.targetInstanceId() == null ? snapshot.instanceId : request.targetInstanceId();
            return instances.lockLive(targetId)
                    .onItem().ifNull().failWith(() -> CatalogException.notFound("instance", targetId))
                    .chain(target -> {
                        if (target.status != InstanceStatus.AVAILABLE) {
                            return Uni.createFrom().failure(CatalogException.conflict("Instance " + target.name
                                    + " is " + target.status + ": wait for its running job to finish, then retry."));
                        }
                        target.status = InstanceStatus.RESTORING;
                        Job job = newJob(snapshot, target.id, mode, options);
                        return jobs.persist(job).chain(() -> dispatcher.dispatchRestore(job, snapshot,
                                JobDispatcher.connectionOf(target)))
                                .replaceWith(job);
                    });
        });
    }

    /**
     * Starts a NEW_DATABASE restore; the caller checked that the database does not exist yet.
     *
     * @param allowSuperuser as for {@link #restore}
     */
    @WithTransaction
    public Uni<Job> newInstance(UUID snapshotId, NewInstanceSpec spec, Boolean keepOwners, Integer parallelJobs,
            boolean allowSuperuser) {
        return restorable(snapshotId).chain(snapshot -> instances.findLiveByName(spec.name()).chain(taken -> {
            if (taken != null) {
                return Uni.createFrom().failure(CatalogException.conflict(
                        "An instance named '" + spec.name() + "' already exists: choose another name."));
            }
            Job job = newJob(snapshot, spec.id(), RestoreMode.NEW_DATABASE,
                    options(snapshot, keepOwners, parallelJobs, allowSuperuser));
            job.newInstance = json.write(spec);
            return jobs.persist(job).chain(() -> dispatcher.dispatch(job)).replaceWith(job);
        }));
    }

    /** Key-share-locks the snapshot: a deletion in progress is waited for, and one cannot start until this commits. */
    Uni<Snapshot> restorable(UUID snapshotId) {
        return snapshots.findKeyShared(snapshotId)
                .onItem().ifNull().failWith(() -> CatalogException.notFound("snapshot", snapshotId))
                .invoke(snapshot -> {
                    if (snapshot.status != SnapshotStatus.COMPLETED) {
                        throw CatalogException.conflict("Snapshot " + snapshotId + " is " + snapshot.status
                                + ": only COMPLETED snapshots can be restored.");
                    }
                });
    }

    private Job newJob(Snapshot snapshot, UUID instanceId, RestoreMode mode, RestoreOptions options) {
        Instant now = Instant.now();
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.type = JobType.RESTORE;
        job.mode = mode.name();
        job.options = json.write(options);
        job.instanceId = instanceId;
        job.snapshotId = snapshot.id;
        job.status = JobStatus.QUEUED;
        job.attempt = 1;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    private static RestoreMode modeOf(String mode) {
        String m = mode == null ? "in-place" : mode.toLowerCase(Locale.ROOT);
        return switch (m) {
            case "in-place", "in_place" -> RestoreMode.IN_PLACE;
            case "clean" -> RestoreMode.CLEAN;
            case "verify" -> RestoreMode.VERIFY;
            default -> throw CatalogException.invalid("mode",
                    "mode '" + mode + "' is unknown: use in-place (restore beside, then swap), clean (pg_restore "
                            + "--clean into the target) or verify (restore beside, check, drop).");
        };
    }

    private static RestoreOptions options(Snapshot snapshot, Boolean keepOwners, Integer parallelJobs,
            boolean allowSuperuser) {
        int parallel = parallelJobs == null ? 1 : parallelJobs;
        if (parallel < 1 || parallel > MAX_PARALLEL_JOBS) {
            throw CatalogException.invalid("parallelJobs", "parallelJobs must be between 1 and " + MAX_PARALLEL_JOBS + ".");
        }
        if (parallel > 1 && !DumpFormat.CUSTOM.id().equals(snapshot.format)) {
            throw CatalogException.invalid("parallelJobs",
                    "parallel restore needs a custom-format snapshot; this one is " + snapshot.format + ".");
        }
        return new RestoreOptions(Boolean.TRUE.equals(keepOwners), parallel,
                snapshot.origin == SnapshotOrigin.UPLOADED, allowSuperuser);
    }
}
