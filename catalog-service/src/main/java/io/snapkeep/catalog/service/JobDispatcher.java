package io.snapkeep.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.smallrye.mutiny.Uni;
import io.snapkeep.catalog.Instance;
import io.snapkeep.catalog.Job;
import io.snapkeep.catalog.Snapshot;
import io.snapkeep.catalog.config.CatalogConfig;
import io.snapkeep.catalog.repository.InstanceRepository;
import io.snapkeep.catalog.repository.SnapshotRepository;
import io.snapkeep.catalog.sealing.ArchiveChains;
import io.snapkeep.messages.ConnectionSpec;
import io.snapkeep.messages.DatabaseNames;
import io.snapkeep.messages.DumpJob;
import io.snapkeep.messages.DumpOptions;
import io.snapkeep.messages.RestoreJob;
import io.snapkeep.messages.RestoreMode;
import io.snapkeep.messages.RestoreOptions;
import io.snapkeep.messages.Topics;

/**
 * Writes the outbox row that hands a job's current attempt to the workers, inside the caller's transaction.
 * Each claim of a dump attempt writes its own object under the snapshot's prefix ({@link ArchiveKeys}) and each
 * restore attempt its own side database, so neither a worker given up for lost that finishes late nor a second
 * delivery of the same attempt can overwrite what another claim made. An in-place restore's previous copy keeps the name
 * its first dispatch gave it, and a retry is told whether the target accepted connections before an earlier attempt's
 * swap closed it: it then settles what that attempt left before anything else. Each dispatch starts the
 * job's queue timeout ({@code snapkeep.jobs.queue-timeout}).
 */
@ApplicationScoped
public class JobDispatcher {
    static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final OutboxWriter outbox;
    private final JsonColumns json;
    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;
    private final CatalogConfig config;

    public JobDispatcher(OutboxWriter outbox, JsonColumns json, InstanceRepository instances,
            SnapshotRepository snapshots, CatalogConfig config) {
        this.outbox = outbox;
        this.json = json;
        this.instances = instances;
        this.snapshots = snapshots;
        this.config = config;
    }

    /** Dispatches the job's current attempt, whatever its type. */
    public Uni<Void> dispatch(Job job) {
        return switch (job.type) {
            case DUMP -> instances.findById(job.instanceId).chain(instance -> snapshots.findById(job.snapshotId)
                    .chain(snapshot -> dispatchDump(instance, snapshot, job)));
            case RESTORE -> snapshots.findById(job.snapshotId)
                    .chain(snapshot -> targetOf(job).chain(target -> dispatchRestore(job, snapshot, target)));
            case CLEANUP -> targetOf(job).chain(target -> dispatchCleanup(job, target));
        };
    }

    public Uni<Void> dispatchDump(Instance instance, Snapshot snapshot, Job job) {
        DumpJob message = new DumpJob(1, job.id.toString(), snapshot.id.toString(), instance.id.toString(),
                job.attempt, connectionOf(instance), json.read(snapshot.options, DumpOptions.class),
                ArchiveKeys.prefix(snapshot), DumpFormat.of(snapshot.format).extension());
        queue(job);
        return outbox.append(Topics.DUMP_JOBS, instance.id.toString(), message).replaceWithVoid();
    }

    Uni<Void> dispatchRestore(Job job, Snapshot snapshot, ConnectionSpec target) {
        RestoreMode mode = RestoreMode.valueOf(job.mode);
        boolean beside = mode != RestoreMode.CLEAN;
        job.sideDatabase = beside ? DatabaseNames.side(target.database(), job.id, job.attempt) : null;
        if (mode == RestoreMode.IN_PLACE && job.previousDatabase == null) {
            job.previousDatabase = DatabaseNames.previous(target.database(), Instant.now());
        }
        List<String> earlierSides = beside ? IntStream.range(1, job.attempt)
                .mapToObj(a -> DatabaseNames.side(target.database(), job.id, a)).toList() : List.of();
        RestoreJob message = new RestoreJob(1, job.id.toString(), snapshot.id.toString(), job.instanceId.toString(),
                job.attempt, mode, snapshot.objectKey, snapshot.format, snapshot.sha256,
                snapshot.sizeBytes == null ? 0 : snapshot.sizeBytes, snapshot.serverVersion, target,
                json.read(job.options, RestoreOptions.class), job.sideDatabase, job.previousDatabase, earlierSides,
                job.targetAllowConnections, ArchiveChains.of(snapshot));
        queue(job);
        return outbox.append(Topics.RESTORE_JOBS, job.instanceId.toString(), message).replaceWithVoid();
    }

    private Uni<Void> dispatchCleanup(Job job, ConnectionSpec target) {
        RestoreJob message = new RestoreJob(1, job.id.toString(), null, job.instanceId.toString(), job.attempt,
                RestoreMode.DROP_DATABASES, null, null, null, 0, null, target, RestoreOptions.defaults(), null,
                job.previousDatabase, json.read(job.options, NAMES), job.targetAllowConnections, null);
        queue(job);
        return outbox.append(Topics.RESTORE_JOBS, job.instanceId.toString(), message).replaceWithVoid();
    }

    private void queue(Job job) {
        job.queuedUntil = Instant.now().plus(config.jobs().queueTimeout());
    }

    /** Where a restore or cleanup job works: its instance, or the instance a NEW_DATABASE restore will register. */
    Uni<ConnectionSpec> targetOf(Job job) {
        if (job.newInstance != null) {
            NewInstanceSpec spec = json.read(job.newInstance, NewInstanceSpec.class);
            return Uni.createFrom().item(new ConnectionSpec(spec.host(), spec.port(), spec.database(),
                    spec.username(), spec.sslmode(), spec.sealedPassword(), spec.sslRootCert()));
        }
        return instances.findById(job.instanceId).map(JobDispatcher::connectionOf);
    }

    static ConnectionSpec connectionOf(Instance instance) {
        return new ConnectionSpec(instance.host, instance.port, instance.databaseName, instance.username,
                instance.sslmode, instance.sealedPassword, instance.sslRootCert);
    }
}
